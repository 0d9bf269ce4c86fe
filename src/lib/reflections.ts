/** Private reflection prompts by step: written on the reader's device, never sent anywhere. */

export interface ReflectionPrompt {
  /** Key in the saved journal; stable once published. */
  id: string;
  label: string;
  hint: string;
}

export const reflectionPromptsByStep: Record<string, ReflectionPrompt[]> = {
  'understand-why': [
    {
      id: 'why-split',
      label: 'Why did you split up?',
      hint: 'Try to name the main problem in one plain sentence, like "We stopped making time for each other."',
    },
    {
      id: 'who-ended-it',
      label: 'Who ended it, and why?',
      hint: 'Write their reasons the way they would put them, not the way you would argue back.',
    },
    {
      id: 'my-part',
      label: 'One thing you did that made things worse',
      hint: 'Be honest, not harsh: "I went quiet instead of saying I was hurt", not "I ruin everything".',
    },
  ],
};
