import { describe, expect, test } from 'vitest';
import { preactOptionsModule } from '../../src/integrations/preact-islands';

describe("Preact's options in builds (src/integrations/preact-islands.ts)", () => {
  test("are the module Astro's Preact server renderer imports, with the same patterns", async () => {
    const code = preactOptionsModule([/\.[jt]sx$/]);
    const { default: options } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: { include: RegExp[] } };
    expect(options.include).toHaveLength(1);
    expect(options.include[0]!.test('/src/islands/Quiz.tsx')).toBe(true);
    expect(options.include[0]!.test('/content/steps/03-take-time.mdx')).toBe(false);
  });
});
