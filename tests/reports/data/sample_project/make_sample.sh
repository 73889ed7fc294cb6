#!/bin/sh
# Rewrites ../allure_sample with allure-pytest-bdd's real output for the sample scenarios.
# The first run records a failed first attempt of ort_chg_002; the second run is the full run
# (same historyId), so the folder holds a retried-then-passed scenario as a rerun plugin writes.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../allure_sample"
pytest="${PYTEST:-$here/../../../../.venv/bin/pytest}"
rm -rf "$out"
cd "$here"
export PYTHONPATH="$here"
ORT_SAMPLE_FLAKY=1 "$pytest" -q -p sample_plugin -p allure_pytest_bdd -c "$here/pytest.ini" --alluredir="$out" \
  -k "standard_change" scenarios_sample.py || true
sleep 1
"$pytest" -q -p sample_plugin -p allure_pytest_bdd -c "$here/pytest.ini" --alluredir="$out" scenarios_sample.py \
  || true
cat > "$out/environment.properties" <<'PROPS'
# Written by the suite runner
ORT.window=Rehearsal 3, 18 June 2026
ORT.roster=fixtures/defaults/roster.toml
Desks=elexon (reference), supplier, ldso, mss, dcp (simulated)
Python=3.11
PROPS
cat > "$out/executor.json" <<'JSON'
{"name": "ORT harness", "type": "ci", "buildName": "ORT rehearsal 3", "buildOrder": 3,
 "reportName": "ORT rehearsal 3: Harbour Energy Supply and partners"}
JSON
ls "$out" | wc -l
