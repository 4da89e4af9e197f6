"""Browser test of the offline docs: `make docs-check` (after `make docs-offline`).

Opens the home page, the Results/Benchmarks/Troubleshooting/Changelog pages and several API pages in headless Chromium,
saves screenshots next to the pages, and checks the rendered text: the page title, the expected words, the sidebar and its
sections, no error output from any cell, the result images of the training, evaluation and benchmark pages, and the
highlighted answers of the Reader and report pages. Then it writes an evaluation's `report.html` (the tiny model on the
embedded validation set) and checks it the same way: the summary table, the threshold plot, and gold and predicted spans
highlighted in their own colours, with nothing fetched from the network.
"""
import subprocess, tempfile, shutil, sys, re, html
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT/'_docs_offline'
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--window-size=1200,1600']
CHECKS = {'index.html': ['qa_nb', 'Two commands', 'make demo', 'make test', 'Results', '78.69', '65.54', 'Where to go next'],
          'results.html': ['Results', 'minilm-squad-b16', '88.6 min', '78.69', 'run_qa.py', 'runs/minilm-squad-b16-7200', 'How it compares'],
          'benchmarks.html': ['Benchmarks', 'qa-nb bench all', '15.1x', 'ONNX Runtime int8'],
          'troubleshooting.html': ['Troubleshooting', 'HF_HUB_OFFLINE', 'model.safetensors is missing', 'make demo TORCH=torch'],
          'changelog.html': ['Changelog', 'Developing', '0.1.0 (unreleased)'],
          'report.html': ['Evaluation report', 'write_html_report', 'highlight', 'error_table'],
          'card.html': ['Model card', 'write_model_card', 'library_name', 'model-index'],
          'reader.html': ['Reader', 'no-answer margin'],
          'core.html': ['Core', 'check_options', 'hub_offline', 'atomic_write', 'QAError'],
          'train.html': ['Training', 'TrainConfig'], 'evaluate.html': ['Evaluation report', 'evaluate_model'],
          'bench.html': ['Benchmarks', 'plot_bench']}
# pages that must show results as images (saved with the notebook's outputs): training curves, the evaluation report's plots, the bench chart
IMAGES = {'train.html': 1, 'evaluate.html': 1, 'bench.html': 1}
# pages whose saved outputs show answers highlighted in their context (<mark class="...">): the Reader's HTML answers, the report's questions
MARKS = {'reader.html': {'pred'}, 'report.html': {'gold', 'pred'}}
SECTIONS = ['Tutorials', 'Data', 'Tokens and labels', 'Evaluation', 'Training', 'Answering', 'Tools and benchmarks']

def chromium():
    exe = shutil.which('chromium') or shutil.which('chromium-browser') or shutil.which('google-chrome')
    if not exe: sys.exit("chromium not found: `apt-get install -y chromium` (Debian) and run again")
    return exe

def run(exe, *args):
    with tempfile.TemporaryDirectory() as prof:
        return subprocess.run([exe, *FLAGS, f'--user-data-dir={prof}', *args], capture_output=True, text=True, timeout=120)

def page_text(dom:str) -> str:
    return html.unescape(re.sub(r'<[^>]+>', ' ', re.sub(r'(?s)<(script|style)[^>]*>.*?</\1>', ' ', dom)))

def check_report(exe) -> list[str]:
    "Write an evaluation's report.html (tiny model, embedded validation set) and check what Chromium renders of it."
    import tempfile, shutil
    from qa_nb.samples import tiny_bert, sample_path
    from qa_nb.evaluation import evaluate_model
    out = Path(tempfile.mkdtemp())
    evaluate_model(tiny_bert(), sample_path('validation'), out, max_length=128, doc_stride=32, progress=False)
    dom = run(exe, '--dump-dom', (out/'report.html').as_uri()).stdout
    shutil.copy(out/'report.html', DOCS/'screenshots'/'evaluation-report.html')
    shot = DOCS/'screenshots'/'evaluation-report.png'
    run(exe, f'--screenshot={shot}', (out/'report.html').as_uri())
    text, fails = page_text(dom), []
    kinds = set(re.findall(r'<mark class="(\w+)"', dom))
    for w in ['Evaluation report', 'Metrics', 'best_f1', 'Error buckets', 'Questions by bucket']:
        if w not in text: fails.append(f"report.html: missing {w!r}")
    if not {'gold', 'pred'} <= kinds: fails.append(f"report.html: highlighted spans {sorted(kinds)}, expected gold and pred")
    if not re.search(r'<img[^>]+src="data:image/png;base64,[^"]{2000,}"', dom): fails.append("report.html: no threshold plot")
    if re.search(r'<script|src="http|href="http', dom): fails.append("report.html: fetches or runs something")
    if not shot.exists() or shot.stat().st_size < 10_000: fails.append("report.html: screenshot missing or blank")
    print(f"evaluation report.html: {len(text.split())} words, marks {sorted(kinds)}, screenshot {shot.relative_to(ROOT)}")
    return fails

def main():
    exe, failures = chromium(), []
    for page, words in CHECKS.items():
        url = (DOCS/page).as_uri()
        dom = run(exe, '--dump-dom', url).stdout
        text = page_text(dom)
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
        nav = re.search(r'(?s)<nav id="qa-sidebar">.*?</nav>', dom)
        secs = re.findall(r'<li class="sec"><span>([^<]+)</span>', nav.group(0)) if nav else []
        if secs[:len(SECTIONS)] != SECTIONS: failures.append(f"{page}: sidebar sections {secs}, expected {SECTIONS}")
        marks = set(re.findall(r'<mark class="(\w+)"', body))
        if not MARKS.get(page, set()) <= marks: failures.append(f"{page}: highlighted spans {sorted(marks)}, expected {sorted(MARKS[page])}")
        if not shot.exists() or shot.stat().st_size < 10_000: failures.append(f"{page}: screenshot missing or blank")
        print(f"{page}: {len(text.split())} words, {len(imgs)} image(s), screenshot {shot.relative_to(ROOT)}")
    failures += check_report(exe)
    if failures: sys.exit('docs check failed:\n  ' + '\n  '.join(failures))
    print(f"docs: {len(CHECKS)} pages and an evaluation report passed, 0 failed")

if __name__ == '__main__': main()
