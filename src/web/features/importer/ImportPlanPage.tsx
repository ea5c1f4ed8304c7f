export function ImportPlanPage() { return null; }
