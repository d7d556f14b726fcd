import { describe, expect, it } from "vitest";
import { RecentKeys } from "../../adapters/slack/dedupe.js";
import { factButtonFromValue, factButtonValue } from "../../adapters/slack/blocks.js";
import { escapeText, escapeWithin, slackTextToPlain, truncate } from "../../adapters/slack/escape.js";

describe("Slack text", () => {
  it("escapes the three control characters", () => {
    expect(escapeText("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
  });

  it("turns Slack markup into what the user saw, dropping the bot's own mention", () => {
    expect(slackTextToPlain("<@UBOT> how many <#C1|general> <https://x.example|docs> <!here> &lt;b&gt; &amp;", "UBOT")).toBe(
      "how many #general docs @here <b> &",
    );
    expect(slackTextToPlain("<@U2|ada> <@U3> <!subteam^S1|@team> <!date^1^{date}|today>")).toBe("@ada @team today");
  });

  it("escapes within a length limit, never cutting an entity or a character in half", () => {
    expect(escapeWithin("a & b", 20)).toBe("a &amp; b");
    expect(escapeWithin("&".repeat(1000), 12)).toBe("&amp;&amp;…");
    expect(escapeWithin("<<<<", 10)).toBe("&lt;&lt;…");
    expect(escapeWithin("👍".repeat(10), 5)).toBe("👍👍…");
  });

  it("round-trips fact buttons, escaped, and ignores values it did not write", () => {
    const value = factButtonValue({ factId: "coalition-size", language: "fr", question: "<!channel> a & b ?" }) ?? "";
    expect(value).not.toContain("<");
    expect(factButtonFromValue(value)).toEqual({ factId: "coalition-size", language: "fr", question: "<!channel> a & b ?" });
    // A long question is shortened, so the value stays under Slack's 2,000 characters.
    const long = factButtonValue({ factId: "f", language: "en", question: "&".repeat(5000) }) ?? "";
    expect(long.length).toBeLessThanOrEqual(2000);
    expect(factButtonFromValue(long)?.factId).toBe("f");
    expect(factButtonFromValue("combien de pays ?")).toBeUndefined();
    expect(factButtonFromValue(JSON.stringify({ f: "x", l: "de" }))).toBeUndefined();
  });

  it("truncates with an ellipsis", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
  });
});

describe("RecentKeys", () => {
  it("sees a key once within its time-to-live", () => {
    let now = 0;
    const keys = new RecentKeys({ ttlMs: 1000, now: () => now });
    expect(keys.firstSighting("Ev1")).toBe(true);
    expect(keys.firstSighting("Ev1")).toBe(false);
    now = 1500;
    expect(keys.firstSighting("Ev1")).toBe(true);
  });

  it("stays bounded, forgetting the oldest keys first", () => {
    const keys = new RecentKeys({ maxEntries: 100 });
    for (let index = 0; index < 10_000; index += 1) keys.firstSighting(`Ev${index}`);
    expect(keys.size).toBe(100);
    expect(keys.firstSighting("Ev9999")).toBe(false);
    expect(keys.firstSighting("Ev0")).toBe(true);
  });
});
