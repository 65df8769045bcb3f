# The README's two commands are `make demo` and `make test`; both install
# what is missing first (scripts/install-tools.sh, idempotent).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
WASM_PACK_FLAGS := --release --no-pack --out-name membrane_agent_session

.PHONY: tools pkg demo test test-rust test-wasm-node test-wasm-browser test-js bench proof fuzz

tools:
	@bash scripts/install-tools.sh

# The npm package: wasm-pack's --target web output, rewritten by
# scripts/assemble-pkg.mjs into one ES module with the wasm inlined (plus
# index.cjs, the types, interop.js with the JSON Schemas the json_schemas
# example prints, README and LICENSE).
pkg: tools
	wasm-pack build --target web --out-dir target/wasm-pack/web $(WASM_PACK_FLAGS)
	cargo run --quiet --example json_schemas > target/wasm-pack/web/json-schemas.json
	node scripts/assemble-pkg.mjs target/wasm-pack/web pkg
	@mkdir -p node_modules && ln -sfn ../pkg node_modules/membrane-agent-session

demo: pkg
	node www/build.mjs
	PORT=$(PORT) node www/serve.mjs

test: tools
	$(MAKE) test-rust
	$(MAKE) pkg
	$(MAKE) test-wasm-node
	$(MAKE) test-wasm-browser
	$(MAKE) test-js

test-rust:
	cargo test

# The same wasm-bindgen-test suite (tests/wasm_binding.rs) in Node and in
# headless Chromium (Debian's chromium + chromium-driver).
test-wasm-node:
	wasm-pack test --node -- --test wasm_binding

test-wasm-browser:
	WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome -- --test wasm_binding

# The built package as users use it: conformance and hostile input
# (tests/js), every way in (tests/consumers), the demo form (tests/e2e),
# and the demo's own TypeScript against the generated declarations.
test-js:
	tsc -p www --noEmit
	node --test tests/js/ tests/consumers/ tests/interop/ tests/e2e/

bench: pkg
	node bench/bench.mjs
	cargo run --release --example native_bench

# Longer proofs than `make test` runs (see scripts/proof/).
proof: pkg
	node scripts/proof/timestamp-proof.mjs
	node scripts/proof/leak-check.mjs
	bash scripts/proof/fuzz.sh
