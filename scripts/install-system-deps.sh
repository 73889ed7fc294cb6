#!/usr/bin/env bash
# Installs the Debian and npm packages the harness needs, only where something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r package command; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done < scripts/system-packages.txt

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-system-deps: missing Debian packages ${missing[*]}; run as root or install them." >&2
    exit 1
  fi
  echo "install-system-deps: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ -f reports/viewer/package-lock.json && ! -d reports/viewer/node_modules ]]; then
  echo "install-system-deps: installing the Allure viewer (npm ci)" >&2
  npm ci --prefix reports/viewer --no-audit --no-fund --loglevel=error
fi
