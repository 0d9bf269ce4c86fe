/**
 * What a crisis result (thoughts of self-harm) shows, wherever it is shown: how to find help where the reader is.
 * Written for any country, so it names no phone number or organisation. The link to more help is the crisis band's
 * `next` in content/quizzes/if-it-doesnt-work-out.yaml.
 */
export interface CrisisHelp {
  heading: string;
  steps: readonly string[];
}

export const crisisHelp: CrisisHelp = {
  heading: 'Getting help now',
  steps: [
    'If you might act on these thoughts, or you are in danger right now, call your local emergency number or go to the nearest emergency department.',
    'To talk to someone today, look up a crisis line where you are: search for the name of your country and "crisis line". Choose one run by your health service, your government or a well-known charity.',
    'Ask for a same-day appointment with a doctor, at your usual surgery or a local clinic, and say plainly that you have had thoughts of harming yourself.',
    'If you are under 18, tell a trusted adult today: a parent or carer, a teacher, a school nurse or counsellor, or another adult you trust.',
    'Tell someone you trust how you are feeling and, if you can, ask them to stay with you for now.',
  ],
};
