"""Deponun testlerin baktığı yerleri (tek yerde)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # deponun kökü
PARAMS = ROOT / 'tests' / 'params'  # küçültülmüş ayarlar: <bölüm>.yml
SUPPORT = Path(__file__).resolve().parent  # testlerin yardımcı betikleri
