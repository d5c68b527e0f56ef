"""Sphinx eklentisi: sayfaya aynı betik bir kez konur.

Jupyter Book 1 ile sphinx-thebe'nin satır içi ayar betiği (`const THEBE_JS_URL ...`)
sayfaya iki kez girer; ikinci kopya tarayıcı konsolunda "has already been declared"
hatası verir. Aynı dosya ve aynı özniteliklerle gelen ikinci kopyalar atılır.
"""

from sphinx.application import Sphinx


def script_key(script):
    """Betiğin kimliği: dosyası (satır içi betikte None ya da "") ve öznitelikleri."""
    return (
        getattr(script, 'filename', script) or '',
        tuple(sorted(getattr(script, 'attributes', {}).items())),
    )


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get('script_files', []):
        key = script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context['script_files'] = unique


def setup(app: Sphinx):
    app.connect('html-page-context', drop_duplicate_scripts)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
