#!/usr/bin/env bash
# `make test` bunu .venv kurulduktan sonra çağırır. Her aşama süresini yazar.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

stage() {
  local name=$1 t0=$SECONDS
  shift
  echo "=== $name"
  "$@"
  echo "=== $name: $((SECONDS - t0)) sn"
}

install_chromium() {
  # Tarayıcı testi Debian'ın chromium paketini kullanır (Playwright tarayıcı indirmez).
  if command -v chromium >/dev/null; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "hata: chromium kurulu değil; 'sudo apt-get install chromium' ile kurun." >&2
    return 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

stage "chromium" install_chromium
stage "yapı denetimi (check)" $PY -m d2l_gan.book check
stage "üretilmiş defterler (export --check)" $PY -m d2l_gan.book export --check
stage "kitap (uyarılar hata)" .venv/bin/jupyter-book build . --warningiserror --nitpick --keep-going
rm -rf _build/nbtest
stage "test defterleri" $PY tests/prepare_notebooks.py _build/nbtest
stage "pytest (birim, nbval, tarayıcı)" $PY -m pytest tests _build/nbtest \
  --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
  -n 2 --dist loadscope -p no:cacheprovider
