#!/usr/bin/env bash
# The measurements of tutorials/your_domain.ipynb (issue #32): every strategy is one `qa-nb adapt`, `qa-nb curve` or `qa-nb train` command.
# Usage: bash tools/your_domain.sh START_MODEL [PHASE]   (from the project root; data in ../shared/data)
#   PHASE: all (default), zero, default, squad, seq, merge, replay, lr3, seq2, base, curve, curve-default, curve-asis, curve-auto, seeds, small, guo;  DOMAINS="electronics" to run one domain.
# Outputs: runs/own-domain/<start name>/<domain>-<strategy>/ (adapt.json, before_after.md, the model), .../curve-<domain>/,
#          .../<domain>-guo/ (strategy e: the start's own SQuAD recipe with the domain's questions added, then scored).
set -euo pipefail
S=${1:?start model folder, e.g. runs/minilm-squad-b16-4000}; PHASE=${2:-all}
Q=../shared/data/subjqa; D=../shared/data/squad; O=runs/own-domain/$(basename $S)
COMMON="--general $D/dev-v2.0.json --general-limit 500 --quiet"
run() { local out=$1; shift; [ -f $O/$out/adapt.json ] && { echo "$out: done"; return; }; echo "== $out: $*"; qa-nb adapt --output $O/$out "$@"; }
# the start on the whole SQuAD v2 dev set, as the default adaptations below are scored (fp32)
case $PHASE in all|default|squad) [ -f $O/start-squad-dev/metrics.json ] || \
    qa-nb evaluate --model $S --data $D/dev-v2.0.json --output $O/start-squad-dev > $O/start-squad-dev.log 2>&1;; esac
for dom in ${DOMAINS:-electronics restaurants}; do
  F="--train $Q/$dom-train.json --validation $Q/$dom-dev.json --test $Q/$dom-test.json"
  # (a) zero-shot: the start as it is, with its saved threshold (tuned on SQuAD by `qa-nb evaluate --save-threshold`) and one tuned on the dev file
  case $PHASE in all|zero)   [ -f $O/$dom-zero-shot/scores.json ] || qa-nb adapt --score-only --model $S $F $COMMON --output $O/$dom-zero-shot;; esac
  # the default: `qa-nb adapt` with no settings (fine-tune, then average the weights with the start's, the share picked on dev)
  case $PHASE in all|default) run $dom-default --model $S $F $COMMON;; esac
  # ... and its forgetting on the whole SQuAD v2 dev set (the start: `qa-nb evaluate` of the preset's model, best F1 65.54)
  case $PHASE in all|default|squad) [ -f $O/$dom-default-squad-dev/metrics.json ] || \
      qa-nb evaluate --model $O/$dom-default --data $D/dev-v2.0.json --output $O/$dom-default-squad-dev > $O/$dom-default-squad-dev.log 2>&1;; esac
  case $PHASE in all|seq)    run $dom-seq      --model $S $F $COMMON --replay none --lr 5e-5 --epochs 2 --merge 1;; esac
  # which merge share: the sequential run (fine-tuned as trained) averaged with the start at several shares, no training
  case $PHASE in all|merge) [ -f $O/$dom-merge-sweep.csv ] || python -c "from qa_nb.adapt import *; import sys
df = merge_sweep('$S', '$O/$dom-seq', '$Q/$dom-dev.json', '$Q/$dom-test.json', '$D/dev-v2.0.json', 500, progress=False)
df.to_csv('$O/$dom-merge-sweep.csv', index=False); plot_merge_sweep(df, '$O/$dom-merge-sweep.png', '$dom'); print(df.round(2).to_string())";; esac
  case $PHASE in all|replay) run $dom-replay0.5 --model $S $F $COMMON --skip-start --replay $D/train-v1.1.json,$D/train-v2.0-unanswerable.json --replay-ratio 0.5 --lr 5e-5 --epochs 2 --merge 1;; esac
  case $PHASE in all|lr3)    run $dom-seq-lr3e-5 --model $S $F $COMMON --skip-start --replay none --lr 3e-5 --epochs 2 --merge 1;; esac
  case $PHASE in all|seq2)   run $dom-seq-lr1e-4-ep3 --model $S $F $COMMON --skip-start --replay none --lr 1e-4 --epochs 3 --merge 1;; esac
  case $PHASE in all|base)   run $dom-base     --model minilm --new-head $F $COMMON --skip-start --replay none --lr 1e-4 --epochs 2;; esac
  # How many questions: nested subsets, two orders for the smallest size, the sequential strategy's settings
  case $PHASE in all|curve)
    [ -f $O/curve-$dom/curve.png ] || qa-nb curve --model $S $F --output $O/curve-$dom --sizes 100,300,700 --seeds 2 --seeds-upto 100 \
      --replay none --merge 1 --set learning_rate=5e-5 epochs=2 --quiet;;
  esac
  # ... from the preset's model, merged at a fixed 0.5 (the first default; measured before merge 'auto')
  case $PHASE in all|curve-default)
    [ -f $O/curve-default-$dom/curve.png ] || qa-nb curve --model $S $F --output $O/curve-default-$dom --sizes 100,300,700 --seeds 2 --seeds-upto 100 --merge 0.5 --quiet;;
  esac
  # ... and the same fine-tuning kept as trained (--merge 1), one order
  case $PHASE in all|curve-asis)
    [ -f $O/curve-asis-$dom/curve.png ] || qa-nb curve --model $S $F --output $O/curve-asis-$dom --sizes 100,300,700 --seeds 1 --merge 1 --quiet;;
  esac
  # ... and with the default as it is ('auto' merge), two orders for the smallest size
  case $PHASE in all|curve-auto)
    [ -f $O/curve-auto-$dom/curve.png ] || qa-nb curve --model $S $F --output $O/curve-auto-$dom --sizes 100,300,700 --seeds 2 --seeds-upto 100 --quiet;;
  esac
  # the default again with two other seeds (shuffling, dropout): how much of a difference is noise
  case $PHASE in all|seeds) for sd in 1 2; do run $dom-default-seed$sd --model $S $F $COMMON --skip-start --seed $sd; done;; esac
  # the default ('auto' merge) with 300 of the domain's questions (the curves' first order), SQuAD scored: a few hundred questions
  case $PHASE in all|small)
    SUB=$O/subsets/$dom-train-300.jsonl
    [ -f $SUB ] || python -c "import numpy as np; from qa_nb.trainer import load_split; from qa_nb.samples import write_jsonl; import pathlib
ds = load_split('$Q/$dom-train.json', 'train'); pathlib.Path('$SUB').parent.mkdir(parents=True, exist_ok=True)
write_jsonl(ds.select(np.random.default_rng(0).permutation(len(ds))[:300]).to_list(), '$SUB')"
    run $dom-300-default --model $S --train $SUB --validation $Q/$dom-dev.json --test $Q/$dom-test.json $COMMON --skip-start
    run $dom-300-seq --model $S --train $SUB --validation $Q/$dom-dev.json --test $Q/$dom-test.json $COMMON --skip-start --merge 1;;
  esac
  # (e) Guo et al.: the start's own recipe (train_config.json: preset settings and steps), trained again with the domain's questions added
  case $PHASE in all|guo)
    G=$O/$dom-guo
    if [ ! -f $G/scores.json ]; then
      STEPS=$(python -c "import json,sys; print(json.load(open('$S/train_config.json'))['max_steps'])")
      [ -f $G/model/model.safetensors ] || qa-nb train --preset minilm-squad-b16 --train $D/train-v1.1.json,$D/train-v2.0-unanswerable.json,$Q/$dom-train.json \
        --output $G/model --set max_steps=$STEPS eval_strategy=no
      qa-nb adapt --score-only --model $G/model --validation $Q/$dom-dev.json --test $Q/$dom-test.json $COMMON --output $G
    fi;;
  esac
done
