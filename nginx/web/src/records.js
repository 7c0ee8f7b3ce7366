// The rows of the records table (GET /api/users/{userId}/records) as texts, without the DOM.
import { clock, distanceName, kmText, paceText } from "./units.js";

const NAMES = {
  longestDuration: "Longest session",
  farthestDistance: "Farthest session",
  mostCalories: "Most calories",
  fastest: "Fastest",
};

/** One record as the table shows it: {activity, record, distance, value}; "–" where none applies. */
export function recordTexts(record) {
  const { kind, value, activity } = record;
  const texts = { activity, record: NAMES[kind] ?? kind, distance: "–", value: String(value) };
  switch (kind) {
    case "longestDuration":
      texts.value = clock(value);
      break;
    case "farthestDistance":
      texts.value = kmText(value);
      break;
    case "mostCalories":
      texts.value = `${value} kcal`;
      break;
    case "fastest":
      texts.distance = distanceName(record.distanceMeters);
      texts.value = `${clock(value)} (${paceText(value, record.distanceMeters, activity)})`;
      break;
    default: // a kind this page does not know yet: shown as the API gives it
  }
  return texts;
}
