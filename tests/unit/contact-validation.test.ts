/** The contact form's rules: the reply address, and a message body checked field by field. */
import { describe, expect, it } from 'vitest';
import { TEXT_MAX } from '../../src/lib/comments/limits.ts';
import { REPLY_TO_MAX } from '../../src/lib/contact/limits.ts';
import { replyToProblem } from '../../src/lib/contact/validation.ts';
import { parseNewMessage, parseReadChange } from '../../src/server/contact/requests.ts';

describe('replyToProblem', () => {
  it('accepts an empty address (no reply possible) and ordinary email addresses', () => {
    for (const address of ['', '   ', 'sam@example.org', ' alex.k+site@mail.example.co.uk ', 'zoë@exämple.de']) {
      expect(replyToProblem(address), address).toBeNull();
    }
  });

  it('refuses what cannot be an address: no @, spaces, line breaks, control characters, too long', () => {
    const local = 'a'.repeat(REPLY_TO_MAX);
    for (const address of ['sam', 'sam@', '@example.org', 'sam@example', 'sam @example.org', 'sam@example.org\nBcc: x@y.z', 'sam\u0000@example.org', `${local}@example.org`, 'a@b.c.']) {
      expect(replyToProblem(address), JSON.stringify(address)).toMatch(/email address|characters or fewer/);
    }
  });
});

describe('parseNewMessage', () => {
  it('trims name and address, keeps the text exactly as typed, and defaults what is missing', () => {
    const text = '  <script>alert(1)</script>\r\nline two  ';
    expect(parseNewMessage({ text, name: ' Sam ', replyTo: ' sam@example.org ' })).toEqual({
      ok: true,
      value: { text, name: 'Sam', replyTo: 'sam@example.org', honeypot: '' },
    });
    expect(parseNewMessage({ text: 'Hello there' })).toEqual({ ok: true, value: { text: 'Hello there', name: '', replyTo: '', honeypot: '' } });
  });

  it('names the field at fault', () => {
    const cases: [unknown, string][] = [
      [null, 'body'],
      [[], 'body'],
      ['text', 'body'],
      [{}, 'text'],
      [{ text: 42 }, 'text'],
      [{ text: ' x ' }, 'text'],
      [{ text: 'y'.repeat(TEXT_MAX + 1) }, 'text'],
      [{ text: 'bell \u0007' }, 'text'],
      [{ text: 'Hello', name: 'two\nlines' }, 'name'],
      [{ text: 'Hello', name: 'n'.repeat(61) }, 'name'],
      [{ text: 'Hello', replyTo: 'not an address' }, 'replyTo'],
      [{ text: 'Hello', replyTo: 5 }, 'replyTo'],
      [{ text: 'Hello', honeypot: [] }, 'honeypot'],
      [{ text: 'Hello', page: '/steps/take-time/' }, 'page'],
      [{ text: 'Hello', email: 'a@b.cd' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const checked = parseNewMessage(body);
      expect(checked.ok, JSON.stringify(body)).toBe(false);
      if (!checked.ok) expect(checked.field, JSON.stringify(body)).toBe(field);
    }
  });

  it('takes the longest valid text', () => {
    expect(parseNewMessage({ text: '😀'.repeat(TEXT_MAX) }).ok).toBe(true);
  });
});

describe('parseReadChange', () => {
  it('takes true or false and nothing else', () => {
    expect(parseReadChange({ read: true })).toEqual({ ok: true, value: { read: true } });
    expect(parseReadChange({ read: false })).toEqual({ ok: true, value: { read: false } });
    for (const body of [{}, { read: 'yes' }, { read: 1 }, { read: true, text: 'x' }]) expect(parseReadChange(body).ok, JSON.stringify(body)).toBe(false);
  });
});
