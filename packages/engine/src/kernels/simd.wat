;; The `ts` backend's hot loops in WebAssembly SIMD (f32x4), compiled to simd.wasm by build-wasm.ts.
;;
;; matmul: the same contract as matmulReference in reference.ts, for inDim a multiple of 4:
;;   out[r·outDim + o] = Σ_i x[r·inDim + i] · w[o·inDim + i]   for r < rows, oStart ≤ o < oEnd
;; (pointers are byte offsets into the shared memory; a range of o lets threads split the work).
;; Four weight rows are done at once; the block (a few KB) stays in L1 while the input rows pass over
;; it, two rows at a time: without fused multiply-add the adds' latency is the limit, and 4 weight
;; rows × 2 input rows keep eight independent accumulators (a lone last row has four).
(module
  (import "env" "memory" (memory 1 65536 shared))

  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  (func (export "matmul")
    (param $out i32) (param $x i32) (param $w i32)
    (param $rows i32) (param $inDim i32) (param $outDim i32) (param $oStart i32) (param $oEnd i32)
    (local $o i32) (local $r i32) (local $i i32) (local $rowBytes i32)
    (local $w0 i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $x0 i32) (local $x1 i32)
    (local $dst i32) (local $xv v128) (local $yv v128) (local $wv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local.set $rowBytes (i32.shl (local.get $inDim) (i32.const 2)))
    (local.set $o (local.get $oStart))

    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.gt_s (i32.add (local.get $o) (i32.const 4)) (local.get $oEnd)))
        (local.set $w0 (i32.add (local.get $w) (i32.mul (local.get $o) (local.get $rowBytes))))
        (local.set $w1 (i32.add (local.get $w0) (local.get $rowBytes)))
        (local.set $w2 (i32.add (local.get $w1) (local.get $rowBytes)))
        (local.set $w3 (i32.add (local.get $w2) (local.get $rowBytes)))
        (local.set $r (i32.const 0))

        ;; input rows two at a time: a* for row r, b* for row r+1
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.gt_s (i32.add (local.get $r) (i32.const 2)) (local.get $rows)))
            (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $rowBytes))))
            (local.set $x1 (i32.add (local.get $x0) (local.get $rowBytes)))
            (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $b0 (v128.const i32x4 0 0 0 0)) (local.set $b1 (v128.const i32x4 0 0 0 0))
            (local.set $b2 (v128.const i32x4 0 0 0 0)) (local.set $b3 (v128.const i32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $done
              (loop $step
                (br_if $done (i32.ge_s (local.get $i) (local.get $rowBytes)))
                (local.set $xv (v128.load (i32.add (local.get $x0) (local.get $i))))
                (local.set $yv (v128.load (i32.add (local.get $x1) (local.get $i))))
                (local.set $wv (v128.load (i32.add (local.get $w0) (local.get $i))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $wv) (local.get $xv))))
                (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $wv) (local.get $yv))))
                (local.set $wv (v128.load (i32.add (local.get $w1) (local.get $i))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $wv) (local.get $xv))))
                (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $wv) (local.get $yv))))
                (local.set $wv (v128.load (i32.add (local.get $w2) (local.get $i))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $wv) (local.get $xv))))
                (local.set $b2 (f32x4.add (local.get $b2) (f32x4.mul (local.get $wv) (local.get $yv))))
                (local.set $wv (v128.load (i32.add (local.get $w3) (local.get $i))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $wv) (local.get $xv))))
                (local.set $b3 (f32x4.add (local.get $b3) (f32x4.mul (local.get $wv) (local.get $yv))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $step)))
            (local.set $dst (i32.add (local.get $out)
              (i32.shl (i32.add (i32.mul (local.get $r) (local.get $outDim)) (local.get $o)) (i32.const 2))))
            (f32.store offset=0 (local.get $dst) (call $hsum (local.get $a0)))
            (f32.store offset=4 (local.get $dst) (call $hsum (local.get $a1)))
            (f32.store offset=8 (local.get $dst) (call $hsum (local.get $a2)))
            (f32.store offset=12 (local.get $dst) (call $hsum (local.get $a3)))
            (local.set $dst (i32.add (local.get $dst) (i32.shl (local.get $outDim) (i32.const 2))))
            (f32.store offset=0 (local.get $dst) (call $hsum (local.get $b0)))
            (f32.store offset=4 (local.get $dst) (call $hsum (local.get $b1)))
            (f32.store offset=8 (local.get $dst) (call $hsum (local.get $b2)))
            (f32.store offset=12 (local.get $dst) (call $hsum (local.get $b3)))
            (local.set $r (i32.add (local.get $r) (i32.const 2)))
            (br $pairs)))

        ;; a last single row
        (if (i32.lt_s (local.get $r) (local.get $rows))
          (then
            (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $rowBytes))))
            (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $done1
              (loop $step1
                (br_if $done1 (i32.ge_s (local.get $i) (local.get $rowBytes)))
                (local.set $xv (v128.load (i32.add (local.get $x0) (local.get $i))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (i32.add (local.get $w0) (local.get $i))) (local.get $xv))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load (i32.add (local.get $w1) (local.get $i))) (local.get $xv))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load (i32.add (local.get $w2) (local.get $i))) (local.get $xv))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load (i32.add (local.get $w3) (local.get $i))) (local.get $xv))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $step1)))
            (local.set $dst (i32.add (local.get $out)
              (i32.shl (i32.add (i32.mul (local.get $r) (local.get $outDim)) (local.get $o)) (i32.const 2))))
            (f32.store offset=0 (local.get $dst) (call $hsum (local.get $a0)))
            (f32.store offset=4 (local.get $dst) (call $hsum (local.get $a1)))
            (f32.store offset=8 (local.get $dst) (call $hsum (local.get $a2)))
            (f32.store offset=12 (local.get $dst) (call $hsum (local.get $a3)))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $blocks)))

    ;; the last (oEnd − oStart) mod 4 weight rows, one at a time
    (block $singlesDone
      (loop $singles
        (br_if $singlesDone (i32.ge_s (local.get $o) (local.get $oEnd)))
        (local.set $w0 (i32.add (local.get $w) (i32.mul (local.get $o) (local.get $rowBytes))))
        (local.set $r (i32.const 0))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $rows)))
            (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $rowBytes))))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $done2
              (loop $step2
                (br_if $done2 (i32.ge_s (local.get $i) (local.get $rowBytes)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (i32.add (local.get $w0) (local.get $i))) (v128.load (i32.add (local.get $x0) (local.get $i))))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $step2)))
            (f32.store (i32.add (local.get $out)
              (i32.shl (i32.add (i32.mul (local.get $r) (local.get $outDim)) (local.get $o)) (i32.const 2)))
              (call $hsum (local.get $a0)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rowLoop)))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $singles))))

;; attention, step 1: scores[p] = scale · q·k_p for p < positions, where k_p starts at
;; keys + p·stride (bytes) and vectors have headDim floats (a multiple of 4).
  (func (export "scores")
    (param $scores i32) (param $q i32) (param $keys i32) (param $positions i32) (param $stride i32)
    (param $headDim i32) (param $scale f32)
    (local $p i32) (local $i i32) (local $bytes i32) (local $k i32) (local $acc v128)
    (local.set $bytes (i32.shl (local.get $headDim) (i32.const 2)))
    (local.set $p (i32.const 0))
    (block $done
      (loop $positionLoop
        (br_if $done (i32.ge_s (local.get $p) (local.get $positions)))
        (local.set $k (i32.add (local.get $keys) (i32.mul (local.get $p) (local.get $stride))))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $i (i32.const 0))
        (block $dotDone
          (loop $dot
            (br_if $dotDone (i32.ge_s (local.get $i) (local.get $bytes)))
            (local.set $acc (f32x4.add (local.get $acc)
              (f32x4.mul (v128.load (i32.add (local.get $q) (local.get $i)))
                         (v128.load (i32.add (local.get $k) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $dot)))
        (f32.store (i32.add (local.get $scores) (i32.shl (local.get $p) (i32.const 2)))
          (f32.mul (call $hsum (local.get $acc)) (local.get $scale)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $positionLoop))))

  ;; attention, step 3: out = Σ_p weights[p] · v_p (v_p at values + p·stride), headDim a multiple of 4.
  (func (export "weightedSum")
    (param $out i32) (param $weights i32) (param $values i32) (param $positions i32) (param $stride i32)
    (param $headDim i32)
    (local $p i32) (local $i i32) (local $bytes i32) (local $v i32) (local $weight v128)
    (local.set $bytes (i32.shl (local.get $headDim) (i32.const 2)))
    (memory.fill (local.get $out) (i32.const 0) (local.get $bytes))
    (local.set $p (i32.const 0))
    (block $done
      (loop $positionLoop
        (br_if $done (i32.ge_s (local.get $p) (local.get $positions)))
        (local.set $v (i32.add (local.get $values) (i32.mul (local.get $p) (local.get $stride))))
        (local.set $weight (f32x4.splat (f32.load (i32.add (local.get $weights) (i32.shl (local.get $p) (i32.const 2))))))
        (local.set $i (i32.const 0))
        (block $rowDone
          (loop $row
            (br_if $rowDone (i32.ge_s (local.get $i) (local.get $bytes)))
            (v128.store (i32.add (local.get $out) (local.get $i))
              (f32x4.add (v128.load (i32.add (local.get $out) (local.get $i)))
                (f32x4.mul (local.get $weight) (v128.load (i32.add (local.get $v) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $row)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $positionLoop))))

  ;; SwiGLU, in place: gate[i] = silu(gate[i]) · up[i] = gate[i] / (1 + e^(−gate[i])) · up[i] for
  ;; i < length (a multiple of 4). e^x as in Cephes' expf: x = n·ln2 + r with |r| ≤ ln2/2, a degree-6
  ;; polynomial for e^r, and 2^n built in the exponent bits; about 1 ulp in float32.
  (func $exp (param $x v128) (result v128)
    (local $n v128) (local $r v128) (local $p v128)
    (local.set $x (f32x4.min (f32x4.max (local.get $x) (v128.const f32x4 -87.3 -87.3 -87.3 -87.3))
                             (v128.const f32x4 88.3 88.3 88.3 88.3)))
    (local.set $n (f32x4.floor (f32x4.add (f32x4.mul (local.get $x) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))
                                          (v128.const f32x4 0.5 0.5 0.5 0.5))))
    (local.set $r (f32x4.sub (f32x4.sub (local.get $x)
                    (f32x4.mul (local.get $n) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
                    (f32x4.mul (local.get $n) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
    (local.set $p (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1)))
    (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1)))
    ;; e^r ≈ 1 + r + r²·p
    (local.set $p (f32x4.add (f32x4.add (f32x4.mul (local.get $p) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r))
                             (v128.const f32x4 1 1 1 1)))
    (f32x4.mul (local.get $p)
      (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $n)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))

  (func (export "swiglu") (param $gate i32) (param $up i32) (param $length i32)
    (local $i i32) (local $bytes i32) (local $g v128)
    (local.set $bytes (i32.shl (local.get $length) (i32.const 2)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_s (local.get $i) (local.get $bytes)))
        (local.set $g (v128.load (i32.add (local.get $gate) (local.get $i))))
        (v128.store (i32.add (local.get $gate) (local.get $i))
          (f32x4.mul
            (f32x4.div (local.get $g)
              (f32x4.add (v128.const f32x4 1 1 1 1) (call $exp (f32x4.neg (local.get $g)))))
            (v128.load (i32.add (local.get $up) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step))))
)
