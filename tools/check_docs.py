"""Browser test of the offline docs: `make docs-check` (after `make docs-offline`).

Opens the home page and four API pages in headless Chromium, saves screenshots next to the pages, and checks the
rendered text: the page title, the expected words, the sidebar, no error output from any cell, and the result images of the
training, evaluation and benchmark pages.
"""
import subprocess, tempfile, shutil, sys, re, html
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT/'_docs_offline'
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--window-size=1200,1600']
CHECKS = {'index.html': ['qa_nb', 'Two commands', 'make demo', 'make test'],
          'core.html': ['Core', 'check_options', 'hub_offline', 'atomic_write', 'QAError'],
          'train.html': ['Training', 'TrainConfig'], 'evaluate.html': ['Evaluation report', 'evaluate_model'],
          'bench.html': ['Benchmarks', 'plot_bench']}
# pages that must show results as images (saved with the notebook's outputs): training curves, the evaluation report's plots, the bench chart
IMAGES = {'train.html': 1, 'evaluate.html': 1, 'bench.html': 1}

def chromium():
    exe = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
    if not exe: sys.exit("chromium not found: `apt-get install -y chromium` (Debian) and run again")
    return exe

def run(exe, *args):
    with tempfile.TemporaryDirectory() as prof:
        return subprocess.run([exe, *FLAGS, f'--user-data-dir={prof}', *args], capture_output=True, text=True, timeout=120)

def main():
    exe, failures = chromium(), []
    for page, words in CHECKS.items():
        url = (DOCS/page).as_uri()
        dom = run(exe, '--dump-dom', url).stdout
        text = html.unescape(re.sub(r'<[^>]+>', ' ', re.sub(r'(?s)<(script|style)[^>]*>.*?</\1>', ' ', dom)))
        shot = DOCS/'screenshots'/page.replace('.html', '.png'); shot.parent.mkdir(exist_ok=True)
        run(exe, f'--screenshot={shot}', url)
        missing = [w for w in words if w not in text]
        body = re.sub(r'(?s)<style[^>]*>.*?</style>', ' ', dom)
        errors = re.findall(r'(Traceback \(most recent call last\)|data-mime-type="application/vnd\.jupyter\.stderr")', body)
        if not dom.strip(): failures.append(f"{page}: Chromium rendered nothing")
        if missing: failures.append(f"{page}: missing {missing}")
        if errors: failures.append(f"{page}: error output in cells: {errors[:3]}")
        imgs = [m for m in re.findall(r'<img[^>]+src="([^"]+)"', body) if m.startswith('data:image/') and len(m) > 2000 or (not m.startswith('data:') and (DOCS/m).exists())]
        if len(imgs) < IMAGES.get(page, 0): failures.append(f"{page}: {len(imgs)} image(s), expected at least {IMAGES[page]} (run the notebook with its outputs saved)")
        if 'qa-sidebar' not in dom: failures.append(f"{page}: no sidebar")
        if not shot.exists() or shot.stat().st_size < 10_000: failures.append(f"{page}: screenshot missing or blank")
        print(f"{page}: {len(text.split())} words, {len(imgs)} image(s), screenshot {shot.relative_to(ROOT)}")
    if failures: sys.exit('docs check failed:\n  ' + '\n  '.join(failures))
    print(f"docs: {len(CHECKS)} passed, 0 failed")

if __name__ == '__main__': main()
