import dayjs from "dayjs";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import "dayjs/locale/vi";
import "dayjs/locale/en";
import attendanceEn from "./attendance.en.json";
import attendanceVi from "./attendance.vi.json";
import conferencesEn from "./conferences.en.json";
import conferencesVi from "./conferences.vi.json";
import delegatesEn from "./delegates.en.json";
import delegatesVi from "./delegates.vi.json";
import doorEn from "./door.en.json";
import doorVi from "./door.vi.json";
import en from "./en.json";
import plansEn from "./plans.en.json";
import plansVi from "./plans.vi.json";
import programEn from "./program.en.json";
import programVi from "./program.vi.json";
import reportCompileEn from "./report-compile.en.json";
import reportCompileVi from "./report-compile.vi.json";
import reportFormEn from "./report-form.en.json";
import reportFormVi from "./report-form.vi.json";
import reportWritingEn from "./report-writing.en.json";
import reportWritingVi from "./report-writing.vi.json";
import seatingEn from "./seating.en.json";
import seatingVi from "./seating.vi.json";
import stageEn from "./stage.en.json";
import stageVi from "./stage.vi.json";
import vi from "./vi.json";

export const languages = ["vi", "en"] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = "kehoach.language";

function storedLanguage(): Language {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "vi";
}

void i18n.use(initReactI18next).init({
  resources: {
    vi: {
      translation: {
        ...vi,
        ...plansVi,
        ...conferencesVi,
        ...programVi,
        ...stageVi,
        ...reportWritingVi,
        ...reportCompileVi,
        ...reportFormVi,
        ...delegatesVi,
        ...doorVi,
        ...seatingVi,
        ...attendanceVi,
      },
    },
    en: {
      translation: {
        ...en,
        ...plansEn,
        ...conferencesEn,
        ...programEn,
        ...stageEn,
        ...reportWritingEn,
        ...reportCompileEn,
        ...reportFormEn,
        ...delegatesEn,
        ...doorEn,
        ...seatingEn,
        ...attendanceEn,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(i18n.language);

/** Switches the UI language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  dayjs.locale(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** Dates as officials write them: dd/MM/yyyy. */
export const DATE_FORMAT = "DD/MM/YYYY";
export const formatDate = (value: string | Date | null | undefined) => (value ? dayjs(value).format(DATE_FORMAT) : "");

export default i18n;
