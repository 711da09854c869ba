// One Prism for the whole run; the tests read its base URL with `inject("mockUrl")`.
export { default } from "@greenspec/mock/vitest";
