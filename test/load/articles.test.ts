import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticlesDir, MAX_ARTICLE_BYTES } from '../../src/load/articles.js';
import { article, tempDir } from '../temp-dir.js';

const latin1 = Buffer.from('Café opens\nThe café in Quito opened its doors on Monday.\n', 'latin1');

describe('loadArticlesDir', () => {
  it('reads every .txt and .md file in name order and ignores other files', async () => {
    const dir = await tempDir({ 'b.md': article('Second story'), 'a.txt': article('First story'), 'notes.html': '<p>no</p>', 'c.TXT': article('Third story') });
    const r = await loadArticlesDir(dir);
    expect(r.ok && r.value.articles.map((a) => [a.file, a.headline])).toEqual([
      ['a.txt', 'First story'],
      ['b.md', 'Second story'],
      ['c.TXT', 'Third story'],
    ]);
    expect(r.ok && r.value.warnings).toEqual([]);
  });

  it('skips bad files with one warning each, naming the file and the reason, and loads the rest', async () => {
    const dir = await tempDir({
      'good.txt': article('A good story'),
      'empty.txt': '',
      'blank.md': ' \n\n\t\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
      'latin1.txt': latin1,
      'huge.txt': Buffer.alloc(MAX_ARTICLE_BYTES + 1, 'a'),
    });
    await mkdir(join(dir, 'folder.md'));
    await symlink(join(dir, 'missing-target.txt'), join(dir, 'gone.txt'));
    const r = await loadArticlesDir(dir);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(r.value.warnings).toEqual([
      'binary.txt: skipped, it is a binary file, not text',
      'blank.md: skipped, the file holds only white space',
      'empty.txt: skipped, the file is empty',
      'folder.md: skipped, it is a folder, not a file',
      'gone.txt: skipped, it is a link to nothing (the file it points to is gone)',
      'huge.txt: skipped, it is too large for an article (5.0 MB, limit 5 MB)',
      'latin1.txt: skipped, it is not valid UTF-8 text (re-save it as UTF-8)',
    ]);
    for (const w of r.value.warnings) expect(w).not.toContain('\n');
  });

  it("follows a link only inside the subject's folder, and names pipes and devices for what they are", async () => {
    const outside = await tempDir({ 'secret.txt': article('A file from elsewhere') });
    const dir = await tempDir({ 'kept.txt': article('A story kept here') });
    await mkdir(join(dir, 'more'));
    await writeFile(join(dir, 'more', 'inner.txt'), article('A story one folder down'));
    await symlink(join(outside, 'secret.txt'), join(dir, 'escape.txt'));
    await symlink('/etc/passwd', join(dir, 'passwd.txt'));
    await symlink(join(dir, 'more', 'inner.txt'), join(dir, 'inside.txt'));
    await symlink('/dev/null', join(dir, 'device.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const r = await loadArticlesDir(dir);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.articles.map((a) => [a.file, a.headline])).toEqual([
      ['inside.txt', 'A story one folder down'],
      ['kept.txt', 'A story kept here'],
    ]);
    expect(r.value.warnings).toEqual([
      "device.txt: skipped, it is a link to a file outside the subject's folder",
      "escape.txt: skipped, it is a link to a file outside the subject's folder",
      "passwd.txt: skipped, it is a link to a file outside the subject's folder",
      'pipe.txt: skipped, it is a named pipe, not a file',
    ]);
  });

  it('refuses a date line the calendar does not have, says so with the line, and dates the article from its text', async () => {
    const dir = await tempDir({
      'a.txt': 'Port strike ends\nDate: 2025-13-45\nDockworkers went back to work on Monday.\n',
      'b.txt': 'Port strike begins\nSource: Wire\nDate: 2025-02-30\nDockworkers walked out on Monday.\n',
      'c.txt': 'Leap day\nDate: 2024-02-29\nA leap-day story.\n',
    });
    const r = await loadArticlesDir(dir);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.articles.map((a) => [a.file, a.published?.iso])).toEqual([
      ['a.txt', undefined],
      ['b.txt', undefined],
      ['c.txt', '2024-02-29'],
    ]);
    expect(r.value.warnings).toEqual([
      'a.txt: line 2: "2025-13-45" is not a date (there is no month 13); the article is dated from its text',
      'b.txt: line 3: "2025-02-30" is not a date (February 2025 has 28 days); the article is dated from its text',
    ]);
  });

  it('reads a Markdown file as plain text: no #, ** or list markers, links as their text', async () => {
    const dir = await tempDir({
      'a.md':
        '# Dockworkers win a **7% pay rise**\n' +
        '\n' +
        'Date: 2025-03-04\n' +
        '\n' +
        'The union said on Tuesday that dockworkers accepted a [7% pay rise](https://news.example/pay)\n' +
        'after a five-day strike.\n' +
        '\n' +
        '- About **3,400 workers** walked out.\n' +
        '- The port handled *1.2 million* containers last year.\n' +
        '\n' +
        '> "A fair deal," union leader Ana Ruiz said.\n',
    });
    const r = await loadArticlesDir(dir);
    if (!r.ok) throw new Error(r.error.message);
    const [a] = r.value.articles;
    expect([a?.headline, a?.published?.iso]).toEqual(['Dockworkers win a 7% pay rise', '2025-03-04']);
    expect(a?.body.map((p) => p.text)).toEqual([
      'The union said on Tuesday that dockworkers accepted a 7% pay rise after a five-day strike.',
      'About 3,400 workers walked out.',
      'The port handled 1.2 million containers last year.',
      '"A fair deal," union leader Ana Ruiz said.',
    ]);
  });

  it('lets metadata from briefing.yaml win over what the file says', async () => {
    const dir = await tempDir({ 'a.txt': 'Headline\nSource: Some Blog https://blog.example/a\nBody text with 3 numbers.\n' });
    const r = await loadArticlesDir(dir, { 'a.txt': { outlet: 'Reuters', published: '2025-02-20' } });
    const a = r.ok ? r.value.articles[0] : undefined;
    expect(a).toMatchObject({ outlet: 'Reuters', url: 'https://blog.example/a', published: { iso: '2025-02-20', source: 'metadata' } });
  });

  it('strips a UTF-8 byte order mark before the headline', async () => {
    const dir = await tempDir({ 'bom.txt': `\uFEFF${article('Headline after a BOM')}` });
    const r = await loadArticlesDir(dir);
    expect(r.ok && r.value.articles[0]?.headline).toBe('Headline after a BOM');
  });

  it('answers a missing folder with an error that says what to give instead', async () => {
    const r = await loadArticlesDir('/nonexistent/sitrep-articles');
    expect(r).toEqual({
      ok: false,
      error: { code: 'no-folder', message: expect.stringContaining('No folder at /nonexistent/sitrep-articles. Give a folder of .txt or .md') as unknown },
    });
  });

  it('answers a folder without articles with an error that says how to fill it', async () => {
    const r = await loadArticlesDir(await tempDir({ 'readme.html': 'x' }));
    expect(!r.ok && r.error.code).toBe('no-articles');
    expect(!r.ok && r.error.message).toMatch(/No \.txt or \.md files in .*Put one article per file there/);
  });

  it('answers a folder where every file is bad with an error listing each one', async () => {
    const r = await loadArticlesDir(await tempDir({ 'a.txt': '', 'b.txt': latin1 }));
    expect(!r.ok && r.error.code).toBe('no-articles');
    expect(!r.ok && r.error.message).toContain('None of the 2 files');
    expect(!r.ok && r.error.message).toContain('a.txt: skipped, the file is empty');
    expect(!r.ok && r.error.message).toContain('b.txt: skipped, it is not valid UTF-8');
  });
});
