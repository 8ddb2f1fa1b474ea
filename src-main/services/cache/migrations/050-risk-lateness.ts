/** Schema 50: the risk model's second target, "finishes later than usual", beside the failure probability of each task. */
export const sql = String.raw`
ALTER TABLE task_risks ADD COLUMN late_probability REAL;
ALTER TABLE task_risks ADD COLUMN late_reasons_json TEXT NOT NULL DEFAULT '[]';
`;
