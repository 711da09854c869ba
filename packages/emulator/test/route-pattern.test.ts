import { describe, expect, it } from "vitest";
import { routePattern } from "../src/route-pattern.js";

const TEMPLATE = "/waInstance{idInstance}/createGroup/{apiTokenInstance}";

describe("routePattern", () => {
  it("takes the method name in any case, as the service does (PHP and older Python SDKs)", () => {
    const pattern = routePattern(TEMPLATE);
    for (const name of ["createGroup", "CreateGroup", "creategroup"])
      expect(pattern.exec(`/waInstance1101000001/${name}/tok`)?.slice(1)).toEqual([
        "1101000001",
        "tok",
      ]);
  });

  it("keeps the segment around a parameter as the spec writes it", () => {
    expect(routePattern(TEMPLATE).test("/WAINSTANCE1101000001/createGroup/tok")).toBe(false);
  });

  it("captures parameters as sent, in any case, and matches no other method", () => {
    const pattern = routePattern(TEMPLATE);
    expect(pattern.exec("/waInstance1101000001/createGroup/AbC%2F")?.[2]).toBe("AbC%2F");
    expect(pattern.test("/waInstance1101000001/createGroups/tok")).toBe(false);
    expect(pattern.test("/waInstance1101000001/createGroup/tok/")).toBe(false);
  });
});
