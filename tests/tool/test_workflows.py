"""GitHub iş akışları: actionlint'ten geçer; CPU işi README'deki test komutunu
çalıştırır, GPU işi her çerçeveyi tam ayarla, kitap işi derlenen HTML'i yayımlar."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from d2l_gan.frameworks import FRAMEWORKS
from kitap.build import html_dir
from repo import ROOT

WORKFLOWS = ROOT / '.github' / 'workflows'


def workflow(name):
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding='utf-8'))


def run_steps(job):
    return [step['run'].strip() for step in job['steps'] if 'run' in step]


def readme_test_command():
    """README'nin "İki komut" bölümündeki test komutu (yorum olmadan)."""
    readme = (ROOT / 'README.md').read_text(encoding='utf-8')
    match = re.search(r'## İki komut.*?```bash\n(.*?)```', readme, re.S)
    assert match, "README'de 'İki komut' bölümünde bash bloğu yok"
    block = match.group(1)
    commands = [line.split('#')[0].strip() for line in block.splitlines()]
    return next(c for c in commands if 'test' in c)


def test_workflows_pass_actionlint():
    actionlint = Path(sys.executable).parent / 'actionlint'
    assert actionlint.is_file(), 'actionlint kurulu değil (requirements.txt)'
    result = subprocess.run(
        [str(actionlint), '-color=false'], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert shutil.which('shellcheck'), (
        'shellcheck yok: actionlint run: betiklerini denetleyemez (tests/run.sh kurar)'
    )


def test_cpu_workflow_runs_exactly_the_readme_test_command():
    command = readme_test_command()
    assert command == 'make test'
    wf = workflow('test.yml')
    assert {'push', 'pull_request'} <= set(wf[True])  # YAML 'on' anahtarını True okur
    (job,) = wf['jobs'].values()
    runs = run_steps(job)
    assert runs[-1] == command and runs.count(command) == 1
    assert not any('pytest' in r or 'tests/run.sh' in r for r in runs)


def test_gpu_workflow_runs_every_framework_in_full_setting_with_nbval():
    (job,) = workflow('gpu.yml')['jobs'].values()
    assert 'gpu' in job['runs-on']
    assert job['strategy']['matrix']['framework'] == list(FRAMEWORKS)
    script = '\n'.join(run_steps(job))
    assert re.search(
        r'prepare_notebooks\.py \S+ --full --framework "\$FRAMEWORK"', script
    )
    assert '--nbval-lax' in script


def test_pages_workflow_publishes_the_built_book():
    wf = workflow('pages.yml')
    build, deploy = wf['jobs']['build'], wf['jobs']['deploy']
    assert 'make book' in run_steps(build)
    upload = next(
        s for s in build['steps'] if 'upload-pages-artifact' in s.get('uses', '')
    )
    assert ROOT / upload['with']['path'] == html_dir(ROOT)
    assert any('deploy-pages' in s.get('uses', '') for s in deploy['steps'])
    assert wf['permissions']['pages'] == 'write'


def test_readme_test_command_runs_the_colab_stack_beside_pytest():
    """Colab yığını test komutunun bir aşamasıdır: arka planda, pytest'in öteki
    testleriyle aynı anda koşar; sonuçlarını yığın bittikten sonra ayrı bir pytest
    (tests/colab) denetler, ana pytest onları atlar. Ana pytest düşse de yığın
    beklenir ve sonuçları denetlenir; komut yine de sıfırdan farklı çıkar."""
    script = (ROOT / 'tests' / 'run.sh').read_text(encoding='utf-8')
    lines = script.replace('\\\n', ' ')  # devam satırları birleşir
    stages = re.findall(r'^stage "([^"]+)" (.*)$', lines, re.M)
    commands = [command.removesuffix(' || failed=1') for _, command in stages]
    start = commands.index('start_colab')
    pytests = [i for i, c in enumerate(commands) if 'PYTEST' in c]
    main, colab = pytests
    finish = commands.index('finish_colab')
    assert commands[colab].endswith('tests/colab -q')
    assert start < main < finish < colab
    assert '--ignore=tests/colab' in commands[main]
    for _, command in stages[main:]:
        assert command.endswith(' || failed=1'), command
    assert script.rstrip().endswith('[ "$failed" = 0 ]')
    body = script[script.index('start_colab() {') : script.index('finish_colab() {')]
    assert re.search(r'tests/support/colab_stack\.py .*&$', body, re.M)
    assert 'D2L_GAN_DATA' in script[: script.index('start_colab() {')]
    (job,) = workflow('test.yml')['jobs'].values()
    setup = '\n'.join(run_steps(job))
    assert re.search(r'python3\.1[2-9]', setup), 'CPU işinde Python >= 3.12 kurulmuyor'


def test_stage_returns_its_commands_status():
    """run.sh'ın `stage` işlevi komutun çıkış durumunu döndürür: `|| failed=1` ile
    anılan aşama düşünce komut sürer ama hata kaydedilir; öteki aşamalar (set -e)
    komutu durdurur. Her iki durumda da aşamanın süresi yazılır."""
    script = (ROOT / 'tests' / 'run.sh').read_text(encoding='utf-8')
    found = re.search(r'^stage\(\) \{.*?^\}', script, re.M | re.S)
    assert found, "run.sh'ta stage işlevi yok"
    program = (
        f'set -euo pipefail\n{found.group(0)}\nfailed=0\n'
        'stage "a" false || failed=1\nstage "b" true || failed=1\n'
        'echo "failed=$failed"\nstage "c" false\necho "buraya gelinmez"\n'
    )
    run = subprocess.run(['bash', '-c', program], capture_output=True, text=True)
    assert run.returncode == 1
    # Süre tam saniyedir: hızlı bir komut bile bir saniye sınırını geçip 1 yazabilir
    assert re.search(r'^=== a: \d+ sn$', run.stdout, re.M), run.stdout
    assert re.search(r'^=== c: \d+ sn$', run.stdout, re.M), run.stdout
    assert 'failed=1' in run.stdout and 'buraya gelinmez' not in run.stdout


def test_readme_test_command_lints_the_chapters_code_cells():
    """ruff bölümlerin kod hücrelerini de denetler (defter desteğiyle, book/)."""
    script = (ROOT / 'tests' / 'run.sh').read_text(encoding='utf-8')
    stages = dict(re.findall(r'^stage "([^"]+)" (.*)$', script, re.M))
    lint = stages['ruff (lint)'].split()
    assert lint[1:4] == ['-m', 'ruff', 'check']
    assert {'d2l_gan', 'arac', 'tests', 'book'} <= set(lint[4:])
    assert sorted((ROOT / 'book').glob('*.ipynb')), 'bölüm defteri yok'
