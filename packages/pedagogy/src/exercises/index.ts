/** Practice exercises (issue 7): generated, seeded, rule-checked. Filled in as the generator lands. */
export {};
