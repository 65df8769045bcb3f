/** What the form holds on load: a request the package accepts as it is. */
export const SAMPLE_REQUEST = {
  prompt: "Build an action that creates a contact in HubSpot from a name and an email address.",
  workspaceElementType: "connection",
  workspaceElementId: "6710f7b3a2c41e0c9d8e7f21",
  testCustomerId: "",
  isExternal: "",
  modelId: "anthropic/claude-sonnet-4.6",
  agentName: "membrane",
  attachments: [
    {
      title: "Contact fields",
      data: '{\n  "required": ["email"],\n  "optional": ["firstName", "lastName"]\n}',
    },
  ],
  token: "demo-token",
  baseUrl: "https://api.getmembrane.com",
} as const;
