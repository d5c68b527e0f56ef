"""Sphinx eklentisi: ispat kutularının ilk sözcüğü Türkçe.

sphinx-proof 0.4.0 ispatların başına dil ayarından bağımsız olarak "Proof." yazar;
bu "İspat." olur.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

ENGLISH, TURKISH = 'Proof. ', 'İspat. '


class TurkishProofLabel(SphinxPostTransform):
    """sphinx-proof'un ispat kutusunun ilk sözcüğü: "Proof. " yerine "İspat. "."""

    default_priority = 150

    def run(self, **kwargs):
        for box in self.document.findall(nodes.admonition):
            if box['classes'][:2] != ['proof', 'proof']:
                continue
            first = next(box.findall(nodes.Text), None)
            if first is not None and first.startswith(ENGLISH):
                first.parent.replace(first, nodes.Text(TURKISH + first[len(ENGLISH) :]))


def setup(app: Sphinx):
    app.add_post_transform(TurkishProofLabel)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
