// One Prism for the whole run, through the globalSetup this package ships as `@greenspec/mock/vitest`.
export { default } from "../dist/vitest.js";
