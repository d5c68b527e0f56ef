# GAN Kitabı: iki ana komut `make book` ve `make test` (bkz. README.md).
# Her ikisi de önce yerel sanal ortamı (.venv) requirements.txt'ten kurar/tazeler.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kurulum-tamam
# Kitap MathJax'i yerelden sunar (çevrimdışı derleme ve test için); npm'den gelir.
MATHJAX := $(VENV)/npm/node_modules/mathjax/es5/tex-mml-chtml.js

.PHONY: venv book book-cozumsuz ogrenci test check export clean

venv: $(STAMP) $(MATHJAX)

$(STAMP): requirements.txt requirements-nodeps.txt pyproject.toml arac/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# .pyc'ler kurulurken derlenir (--no-compile değil): PYTHONDONTWRITEBYTECODE=1 olan
	# bir makinede ilk içe aktarma onları yazmaz, her süreç TensorFlow'u yeniden derler.
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -r requirements-nodeps.txt
	# İki dağıtım, düzenlenebilir: okur paketi d2l-gan (kök) ve kitabın aracı kitap
	# (arac/). compat: paketler sys.path'e bir .pth ile eklenir; PYTHONPATH önce gelir.
	$(BIN)/python -m pip install -q --no-deps -e . --config-settings editable_mode=compat
	$(BIN)/python -m pip install -q --no-deps -e arac --config-settings editable_mode=compat
	@touch $(STAMP)

$(MATHJAX):
	npm install --no-save --no-audit --no-fund --prefix $(VENV)/npm $(file < arac/kitap/sphinxext/mathjax-pin.txt)

book: venv
	$(BIN)/python -m kitap build

# Ders için: çözümleri gizlenmiş kitap (_build/cozumsuz/_build/html) ve öğrenci
# defterlerinin bir kopyası (depodaki notebooks/ogrenci/ ile aynı; export onları yazar).
book-cozumsuz: venv
	$(BIN)/python -m kitap build --hide-solutions

ogrenci: venv
	$(BIN)/python -m kitap students --out _build/ogrenci

test: venv
	bash tests/run.sh

check: venv
	$(BIN)/python -m kitap check

export: venv
	$(BIN)/python -m kitap export

clean:
	rm -rf _build
