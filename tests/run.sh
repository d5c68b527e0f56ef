#!/usr/bin/env bash
# `make test` bunu .venv kurulduktan sonra çağırır. Her aşama süresini yazar.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

stage() {
  local name=$1 t0=$SECONDS status=0
  shift
  echo "=== $name"
  "$@" || status=$?
  echo "=== $name: $((SECONDS - t0)) sn"
  return "$status"
}

install_system_tools() {
  # Tarayıcı testi Debian'ın chromium paketini kullanır (Playwright tarayıcı indirmez);
  # actionlint, iş akışlarındaki run: betiklerini shellcheck ile denetler.
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  if [ ${#missing[@]} = 0 ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "hata: kurulu değil: ${missing[*]}; 'sudo apt-get install ${missing[*]}' ile kurun." >&2
    return 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

stage "chromium, shellcheck" install_system_tools
# ruff: okur paketi, araç, testler ve bölümlerin kod hücreleri (defter desteğiyle).
stage "ruff (lint)" $PY -m ruff check d2l_gan arac tests book
stage "ruff (biçim)" $PY -m ruff format --check d2l_gan arac tests
stage "yapı denetimi (check)" $PY -m kitap check
stage "üretilmiş defterler (export --check)" $PY -m kitap export --check
# İki derleme birbirinden bağımsızdır (ayrı klasörler; Sphinx tek çekirdek kullanır):
# aynı anda çalışırlar, günlükleri sırayla yazılır.
build_both() {
  local logs=_build/derleme-gunlugu status=0
  mkdir -p "$logs"
  $PY -m kitap build >"$logs/kitap.log" 2>&1 &
  local book=$!
  $PY -m kitap build --hide-solutions >"$logs/cozumsuz.log" 2>&1 &
  local hidden=$!
  wait "$book" || status=1
  wait "$hidden" || status=1
  cat "$logs/kitap.log" "$logs/cozumsuz.log"
  return "$status"
}
stage "kitap ve çözümsüz kitap (uyarılar hata)" build_both
rm -rf _build/nbtest
stage "test defterleri" $PY tests/support/prepare_notebooks.py _build/nbtest
# Pokemon verisi: ../shared/data arşivi ya da (yoksa) sentetik görüntüler.
stage "veri (Pokemon)" $PY tests/support/prepare_data.py _build/data
export D2L_GAN_DATA=$PWD/_build/data
# Bundan sonra üç iş aynı anda koşar (pytest'in iki işçisi ve Colab yığını; yığın
# iki ortamındaki defterleri sırayla çalıştırır, iddia testleri de çerçeveleri) ve
# çekirdek iki tane: her iş tek iş parçacığıyla çalışır. Küçük modellerde
# ikinci iş parçacığı hızlandırmaz; öteki işle yarışırken bekleyerek işlemci harcar
# (AMD EPYC, 2 çekirdek: Colab yığınında PyTorch'un tuzaklar defteri 77 sn yerine
# 11 sn, WGAN iddialarının PyTorch ölçümü 285 sn yerine 91 sn; pytest 1332 -> 1065 sn).
export OMP_NUM_THREADS=1 TF_NUM_INTRAOP_THREADS=1
# Aynı nedenle TensorFlow'un işlemler arası havuzu da tek iş parçacığı ve MXNet
# zaman uyumlu motorla (NaiveEngine) çalışır: iş parçacıklı motor Python'la hesabı iki
# çekirdeğe yayar, tek başına biraz hızlıdır ama daha çok işlemci harcar. WGAN iddia
# ölçümünün bir tohumu: MXNet 65 -> 50, TensorFlow 33 -> 31 işlemci sn.
export TF_NUM_INTEROP_THREADS=1 MXNET_ENGINE_TYPE=NaiveEngine
# Okur defterleri Colab'ınkine yakın bir yığında: Python >= 3.12, numpy 2, en yeni
# TensorFlow/Keras; torch Python 3.11 + numpy 2 ile. Yığın arka planda, pytest'in
# öteki testleriyle aynı anda koşar: kurulumu çoğunlukla indirmedir ve pytest tek
# başına iki çekirdeğin ortalama 1.37'sini kullanır (tarayıcı ve çekirdek beklemeleri;
# son modüller tek işçide biter). Sonuçlarını (tests/colab) yığın bittikten sonra
# ayrı bir pytest denetler; yığının günlüğü o zaman yazılır.
COLAB_LOG=_build/colab-yigini.log
start_colab() {
  # Kendi süreç grubunda: test komutu yarıda kesilirse yığın, defterleri çalıştıran
  # süreçleri ve çekirdekleriyle birlikte durur.
  setsid $PY tests/support/colab_stack.py >"$COLAB_LOG" 2>&1 &
  COLAB_PID=$!
  trap 'kill -- -"$COLAB_PID" 2>/dev/null || true' EXIT
}
finish_colab() {
  local status=0
  wait "$COLAB_PID" || status=$?
  trap - EXIT
  cat "$COLAB_LOG"
  return "$status"
}
PYTEST=("$PY" -m pytest -p no:cacheprovider)
stage "Colab yığını (arka planda başlar)" start_colab
# Ana pytest düşse de yığın beklenir ve sonuçları denetlenir: hata raporu iki tarafı da
# söyler. Komut, üç aşamadan biri düştüyse sıfırdan farklı çıkar.
failed=0
stage "pytest (birim, nbval, tarayıcı)" "${PYTEST[@]}" tests _build/nbtest \
  --ignore=tests/colab \
  --nbval-lax --nbval-current-env --nbval-sanitize-with _build/nbtest/nbval_sanitize.cfg \
  -n 2 --dist loadscope --no-loadscope-reorder || failed=1
stage "Colab yığını (bitişi)" finish_colab || failed=1
stage "pytest (Colab yığınının sonuçları)" "${PYTEST[@]}" tests/colab -q || failed=1
[ "$failed" = 0 ]
