;; The package's base64 decoder (scripts/base64-decoder.mjs inlines its
;; bytes). A JS loop over the module's ~150 KB of base64 runs cold, in the
;; interpreter: about 5 ms. This runs it at wasm speed.
;;
;; Memory: at 43-122, the 6 bits of each base64 character, by its code (a
;; table); from 128 on, the text. JS writes the base64 text (ASCII) at 128,
;; calls `decode(n)`, and reads the bytes back from 128: each group of 4
;; characters becomes 3 bytes, in place (group k is read before its bytes
;; are written, at 128 + 3k, and 3k + 2 < 4k + 4). Padding decodes to junk past
;; the true length, which JS does not read. The input is the package's own
;; text, never a caller's.
;;
;; Its bytes: wat2wasm scripts/base64.wat --output=- | od -v -An -tu1
(module
  (memory (export "memory") 1)
  (data (i32.const 43) "\3e\00\00\00\3f\34\35\36\37\38\39\3a\3b\3c\3d\00\00\00\00\00\00\00\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10\11\12\13\14\15\16\17\18\19\00\00\00\00\00\00\1a\1b\1c\1d\1e\1f\20\21\22\23\24\25\26\27\28\29\2a\2b\2c\2d\2e\2f\30\31\32\33")
  (func (export "decode") (param $n i32)
    (local $in i32) (local $out i32) (local $end i32) (local $group i32)
    (local.set $in (i32.const 128))
    (local.set $out (i32.const 128))
    (local.set $end (i32.add (local.get $n) (i32.const 128)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $in) (local.get $end)))
        (local.set $group
          (i32.or
            (i32.or
              (i32.shl (i32.load8_u (i32.load8_u (local.get $in))) (i32.const 18))
              (i32.shl (i32.load8_u (i32.load8_u offset=1 (local.get $in))) (i32.const 12)))
            (i32.or
              (i32.shl (i32.load8_u (i32.load8_u offset=2 (local.get $in))) (i32.const 6))
              (i32.load8_u (i32.load8_u offset=3 (local.get $in))))))
        (i32.store8 (local.get $out) (i32.shr_u (local.get $group) (i32.const 16)))
        (i32.store8 offset=1 (local.get $out) (i32.shr_u (local.get $group) (i32.const 8)))
        (i32.store8 offset=2 (local.get $out) (local.get $group))
        (local.set $in (i32.add (local.get $in) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 3)))
        (br $next)))))
