import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { toResult } from '../service/handlers.ts';
import { createReportHandlers } from './report-pdf.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'safedist-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PDF = new TextEncoder().encode('%PDF-1.7 stand-in');
const html = '<!doctype html><html lang="zh-CN"><title>报告</title><p>外部安全防护距离</p></html>';

describe('exportReportPdf (Electron printToPDF handler)', () => {
  it('prints the HTML and writes the PDF where the user chose, returning only the base name', async () => {
    const renderPdf = vi.fn(async () => PDF);
    const target = path.join(dir, '示例-report.pdf');
    const handlers = createReportHandlers({ renderPdf, chooseFileToSave: async () => target });
    const result = await toResult(() => handlers.exportReportPdf({ fileName: '示例-report.pdf', html }));
    expect(result).toEqual({ ok: true, value: { fileName: '示例-report.pdf' } });
    expect(renderPdf).toHaveBeenCalledWith(html);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 stand-in');
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('does not print when the user cancels the dialog', async () => {
    const renderPdf = vi.fn(async () => PDF);
    const handlers = createReportHandlers({ renderPdf, chooseFileToSave: async () => null });
    await expect(handlers.exportReportPdf({ fileName: 'r.pdf', html })).resolves.toEqual({ fileName: null });
    expect(renderPdf).not.toHaveBeenCalled();
  });

  it('refuses a payload that is not an HTML document, naming the field', async () => {
    const handlers = createReportHandlers({
      renderPdf: async () => PDF,
      chooseFileToSave: async () => path.join(dir, 'x.pdf'),
    });
    const result = await toResult(() => handlers.exportReportPdf({ fileName: 'x.pdf', html: 'plain text' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/html.*HTML document/);
    const badName = await toResult(() => handlers.exportReportPdf({ fileName: 'a/b.pdf', html }));
    expect(badName.ok).toBe(false);
    if (!badName.ok) expect(badName.error).toMatch(/fileName/);
  });
});
