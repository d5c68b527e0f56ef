"""Zamanlama, toplama ve sonuç kaydı yardımcıları (çerçeveden bağımsız)."""

import time

__all__ = ['Timer', 'Accumulator', 'glue']


class Timer:
    """Birden çok ölçümün sürelerini (saniye) kaydeder; oluşturulunca başlar."""

    def __init__(self):
        self.times = []
        self.start()

    def start(self):
        """Kronometreyi başlatır."""
        self._start = time.perf_counter()

    def stop(self):
        """Kronometreyi durdurur, geçen süreyi kaydeder ve döndürür."""
        self.times.append(time.perf_counter() - self._start)
        return self.times[-1]

    def avg(self):
        """Ölçümlerin ortalaması."""
        return sum(self.times) / len(self.times)

    def sum(self):
        """Ölçümlerin toplamı."""
        return sum(self.times)

    def cumsum(self):
        """Ölçümlerin birikimli toplamları (liste)."""
        totals, running = [], 0.0
        for t in self.times:
            running += t
            totals.append(running)
        return totals


class Accumulator:
    """`n` değişkenin toplamını tutar.

    `add` değerleri olduğu gibi toplar: çerçeve tensörleri cihazda kalır ve her
    adımda ana belleğe kopyalanmaz. Değer ancak `acc[i]` ile okunduğunda Python
    sayısına (`float`) çevrilir; bunu dönem (epoch) başına bir kez yapın.
    """

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        """Her değişkene sıradaki değeri ekler."""
        if len(args) != len(self.data):
            raise ValueError(f'{len(self.data)} değer bekleniyordu, {len(args)} geldi')
        self.data = [a + b for a, b in zip(self.data, args)]

    def reset(self):
        """Bütün toplamları sıfırlar."""
        self.data = [0.0] * len(self.data)

    def __getitem__(self, i):
        value = self.data[i]
        if hasattr(value, 'asnumpy'):  # MXNet'in nd dizileri float() ile okunamaz
            value = value.asnumpy().item()
        return float(value)


# Bu çekirdekte kaydedilen sonuçlar ({ad: değer}); bölüm sonu sınavı sayılarını
# buradan alır (bkz. d2l_gan/quiz.py), böylece kitabın andığı sayının aynısını gösterir.
GLUED = {}


def glue(name, value, display=False):
    """Bir sonucu kitabın metninde anılmak üzere `name` adıyla kaydeder.

    Kitap derlenirken MyST-NB bu kaydı okur ve metindeki `{glue:text}` rolü
    değeri çalıştırmanın kendisinden alır. `myst_nb` kurulu değilse (ör. Colab)
    kayıt gereksizdir; `display` doğruysa değer yalnızca yazdırılır. Değer her
    ortamda `GLUED`'a da yazılır (bölüm sonu sınavı için).
    """
    GLUED[name] = value
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        if display:
            print(f'{name} = {value!r}')
        return
    myst_glue(name, value, display=display)
