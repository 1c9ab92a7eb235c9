#!/bin/bash
# Stands in for factorscope-train in the training dashboard tests: same arguments, same JSON
# lines and run folder, scripted by FAKE_TRAINER_MODE:
#   normal     5 epochs, then "finished" and eval.json
#   malformed  3 epochs with 2 broken lines between them
#   crash      2 epochs, a message on stderr, exit 3 without a final status
#   killed     2 epochs, then half of the third line, then SIGKILL (killed mid-line)
#   paired     as normal, with "bound": 0.75 and "test_cos_far" (= test_cos / 2) in every line
#   slow       up to 600 epochs, 0.1 s apart; SIGTERM ends it with "stopped"
mode=${FAKE_TRAINER_MODE:-normal}
out=""
resume=""
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=$2; shift 2 ;;
        --resume) resume=$2; out=$2; shift 2 ;;
        --*) shift 2 ;;
        *) shift ;;
    esac
done
if [ -z "$out" ]; then
    echo '{"status": "failed", "error": "no run directory given (--out RUN_DIR)"}'
    exit 2
fi
mkdir -p "$out"
[ -f "$out/config.json" ] || echo '{"model": "mpmlp", "depth": 2, "epochs": 5, "dataset": "fake"}' > "$out/config.json"

stopped=0
trap 'stopped=1' TERM

first=1
if [ -n "$resume" ] && [ -f "$out/metrics.jsonl" ]; then
    first=$(( $(wc -l < "$out/metrics.jsonl") + 1 ))
fi

emit() {
    echo "$1"
    echo "$1" >> "$out/metrics.jsonl"
}

finish() {
    echo "{\"status\": \"$1\", \"device\": \"cpu\"}"
    echo "{\"status\": \"$1\", \"device\": \"cpu\"}" >> "$out/log.txt"
}

epoch_line() {
    # train_cos = epoch / 100, test_cos = train_cos - 0.05: tests know every value sent.
    awk -v e="$1" 'BEGIN { printf "{\"epoch\": %d, \"train_cos\": %.4f, \"test_cos\": %.4f, \"loss\": %.4f, \"lr\": 0.001, \"seconds\": 0.5, \"elapsed\": %.1f, \"device\": \"cpu\"}", e, e / 100, e / 100 - 0.05, 1 - e / 100, e / 2 }'
}

case "$mode" in
    paired)
        for e in $(seq "$first" $((first + 4))); do
            emit "$(epoch_line "$e" | sed 's/}$//'), $(awk -v e="$e" 'BEGIN { printf "\"bound\": 0.75, \"test_cos_far\": %.4f}", (e / 100 - 0.05) / 2 }')"
        done
        finish finished
        ;;
    normal)
        for e in $(seq "$first" $((first + 4))); do emit "$(epoch_line "$e")"; done
        echo '{"samples": [{"name": "A_5", "n": 100, "cos": 0.61, "cos_kopt": 0.7, "cos_ic0": 0.5, "pcg": {"predicted": {"iterations": 31, "converged": true}, "kopt": {"iterations": 24, "converged": true}, "ic0": {"iterations": 40, "converged": true}, "none": {"iterations": 120, "converged": true}}}], "summary": {"samples": 1, "mean_cos": 0.61}}' > "$out/eval.json"
        finish finished
        ;;
    malformed)
        emit "$(epoch_line 1)"
        echo '{"epoch": 2, "train_cos": 0.2'
        emit "$(epoch_line 2)"
        echo 'this is not json'
        emit "$(epoch_line 3)"
        finish finished
        ;;
    killed)
        emit "$(epoch_line 1)"
        emit "$(epoch_line 2)"
        printf '{"epoch": 3, "train_cos": 0.0'
        kill -KILL $$
        ;;
    crash)
        emit "$(epoch_line 1)"
        emit "$(epoch_line 2)"
        echo "CUDA error: out of memory (simulated)" >&2
        echo "simulated crash after epoch 2" >> "$out/log.txt"
        exit 3
        ;;
    slow)
        for e in $(seq "$first" 600); do
            if [ "$stopped" = 1 ]; then
                finish stopped
                exit 3
            fi
            emit "$(epoch_line "$e")"
            # wait, unlike a foreground sleep, returns as soon as the TERM trap fires.
            sleep 0.1 &
            wait $!
        done
        finish finished
        ;;
esac
exit 0
