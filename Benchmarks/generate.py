#!/usr/bin/env python3
"""Generates one large career plan three ways, so that plan, Lua and ledger
load the same data in the benchmark:

  NAME.plan    the plan language
  NAME.lua     a Lua 5.4 chunk: return { values = ..., skills = ..., goals = ..., ... }
  NAME.ledger  a ledger journal: one transaction per goal and per milestone,
               dated by its due date, one posting per needed skill

The plan is valid and quiet: every reference resolves, every value is served,
prerequisites are due first, milestones come before their goal and needs stay
within targets, so that `plan check --today 2026-11-25` measures loading and
checking rather than printing thousands of warnings.

Two shapes of data: `rich` (the default), goals written over several lines
with roles, notes, prerequisites, milestones and mentors, names mostly their
own; and `compact`, one-line goals sharing a few skill and value names, with
no milestones, the shape where a table-literal loader like Lua's does best.

Deterministic: the same --goals, --seed and --shape give byte-identical files.
Python 3 standard library only.

    python3 Benchmarks/generate.py --goals 10000 --seed 1 --shape rich --out Benchmarks/data
"""

import argparse
import datetime
import os
import random

TODAY = datetime.date(2026, 11, 25)

VALUE_WORDS = ["family", "health", "learning", "impact", "craft", "community",
               "autonomy", "security", "adventure", "friendship", "faith", "rest"]
SKILL_WORDS = ["project management", "stakeholder communication", "strategic planning",
               "coaching", "writing", "public speaking", "hiring", "negotiation",
               "data analysis", "Rust", "Swift", "SQL", "design", "facilitation",
               "budgeting", "mentoring", "research", "marketing", "sales", "security"]
ROLE_WORDS = ["Product Lead", "Staff Engineer", "Engineering Manager", "Head of Product",
              "Coach", "Principal Designer", "Director", "Analyst"]
GOAL_VERBS = ["Lead", "Ship", "Write", "Run", "Launch", "Teach", "Organise", "Finish"]
GOAL_THINGS = ["the launch", "a workshop", "the migration", "a talk", "the roadmap",
               "a course", "the study group", "the hiring loop", "a book chapter"]


def last_day_of_month(year, month):
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def date_form(rng, day):
    """A `by` date in one of the three written forms, and the day it means.
    The month and quarter forms mean the last day of that month or quarter,
    which is never before `day`."""
    form = rng.randrange(3)
    if form == 0:
        return day.isoformat(), day
    if form == 1:
        return "%04d-%02d" % (day.year, day.month), last_day_of_month(day.year, day.month)
    quarter = (day.month - 1) // 3 + 1
    return "%04d-Q%d" % (day.year, quarter), last_day_of_month(day.year, quarter * 3)


def plan_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ledger_account(text):
    # Two spaces end an account name in ledger; colons separate levels.
    return text.replace(":", "-").replace("  ", " ")


SHAPES = ("rich", "compact")


def build(goal_count, seed, shape="rich"):
    rng = random.Random(seed)
    compact = shape == "compact"

    value_count = 8 if compact else min(len(VALUE_WORDS) * 4, 8 + goal_count // 1000)
    values = []
    for i in range(value_count):
        word = VALUE_WORDS[i % len(VALUE_WORDS)]
        name = word if i < len(VALUE_WORDS) else "%s_%d" % (word, i // len(VALUE_WORDS))
        values.append({
            "name": name,
            "priority": i + 1,
            "non_negotiable": i < 2,
            "note": "Kept since %d" % (2015 + i % 10) if i % 3 == 0 else None,
        })

    skill_count = len(SKILL_WORDS) if compact else max(len(SKILL_WORDS), goal_count // 20)
    skills = []
    for i in range(skill_count):
        word = SKILL_WORDS[i % len(SKILL_WORDS)]
        name = word if i < len(SKILL_WORDS) else "%s %d" % (word, i // len(SKILL_WORDS))
        level = rng.randrange(0, 5)
        target = rng.randrange(level, 6)
        skills.append({"name": name, "level": level, "target": target})

    goals = []
    span = max(365, goal_count // 10)
    for i in range(goal_count):
        name = "%s %s %06d" % (GOAL_VERBS[i % len(GOAL_VERBS)], GOAL_THINGS[(i // 8) % len(GOAL_THINGS)], i)
        status = rng.choices(["open", "doing", "done"], weights=[6, 2, 2])[0]
        # Work still open is due after today; done work may be in the past.
        if status == "done":
            start = TODAY - datetime.timedelta(days=400)
        else:
            start = TODAY + datetime.timedelta(days=1)
        written, due = date_form(rng, start + datetime.timedelta(days=rng.randrange(span)))
        needs = []
        for skill_index in rng.sample(range(skill_count), rng.randrange(1, 3) if compact else rng.randrange(0, 4)):
            skill = skills[skill_index]
            at = rng.randrange(0, skill["target"] + 1) if not compact and rng.random() < 0.6 else None
            needs.append({"skill": skill["name"], "level": at})
        serves = [values[v]["name"] for v in rng.sample(range(value_count), 1 if compact else rng.randrange(1, 3))]
        # Every value is served at least once.
        if i < value_count and values[i]["name"] not in serves:
            serves.append(values[i]["name"])
        after = []
        if i > 0 and not compact and rng.random() < 0.3:
            earlier = goals[i - 1 - rng.randrange(min(i, 50))]
            if earlier["due"] <= due:
                after.append(earlier["name"])
        goals.append({
            "name": name,
            "role": ROLE_WORDS[i % len(ROLE_WORDS)] if i % 5 == 0 and not compact else None,
            "needs": needs,
            "serves": serves,
            "after": after,
            "by": written,
            "due": due,
            "impact": "Helps team %d" % (i % 40) if i % 7 == 0 and not compact else None,
            "note": "Agreed in review %d" % (i % 12) if i % 11 == 0 and not compact else None,
            "status": status,
        })

    milestones = []
    for i, goal in enumerate([] if compact else goals):
        for m in range(rng.choice([0, 0, 1, 2])):
            done = goal["status"] == "done" or rng.random() < 0.2
            earliest = TODAY - datetime.timedelta(days=300) if done else TODAY + datetime.timedelta(days=1)
            days = (goal["due"] - earliest).days
            if days < 0:
                continue
            due = earliest + datetime.timedelta(days=rng.randrange(days + 1))
            milestones.append({
                "name": "Step %d of goal %06d" % (m + 1, i),
                "goal": goal["name"],
                "due": due,
                "done": done,
            })

    mentors = []
    for i in range(max(5, goal_count // 100)):
        helps = [skills[s]["name"] for s in rng.sample(range(skill_count), rng.randrange(1, 4))]
        mentors.append({
            "name": "Mentor %05d" % i,
            "helps": helps,
            "note": "Monthly call" if i % 4 == 0 else None,
        })

    return {"values": values, "skills": skills, "goals": goals,
            "milestones": milestones, "mentors": mentors, "one_line": compact}


def write_plan(data, path):
    out = ["# Generated by Benchmarks/generate.py", "",
           "vision " + plan_string("Grow steadily, one goal at a time"), ""]
    for v in data["values"]:
        line = "value %s priority %d" % (v["name"], v["priority"])
        if v["non_negotiable"]:
            line += " non-negotiable"
        if v["note"]:
            line += " note " + plan_string(v["note"])
        out.append(line)
    out.append("")
    for s in data["skills"]:
        out.append("skill %s level %d target %d" % (plan_string(s["name"]), s["level"], s["target"]))
    out.append("")
    for g in data["goals"]:
        clauses = []
        if g["role"]:
            clauses.append("role " + plan_string(g["role"]))
        if g["needs"]:
            parts = [plan_string(n["skill"]) + ("" if n["level"] is None else " at %d" % n["level"])
                     for n in g["needs"]]
            clauses.append("needs skill " + ", ".join(parts))
        clauses.append("serves " + ", ".join(g["serves"]))
        if g["after"]:
            clauses.append("after " + ", ".join(plan_string(a) for a in g["after"]))
        clauses.append("by " + g["by"])
        if g["impact"]:
            clauses.append("impact " + plan_string(g["impact"]))
        if g["note"]:
            clauses.append("note " + plan_string(g["note"]))
        if g["status"] != "open":
            clauses.append(g["status"])
        if data["one_line"]:
            out.append(" ".join(["goal " + plan_string(g["name"])] + clauses))
        else:
            out.append("goal " + plan_string(g["name"]))
            out.extend("    " + clause for clause in clauses)
    out.append("")
    for m in data["milestones"]:
        out.append("milestone %s for %s by %s%s" % (plan_string(m["name"]), plan_string(m["goal"]),
                                                    m["due"].isoformat(), " done" if m["done"] else ""))
    out.append("")
    for m in data["mentors"]:
        line = "mentor %s helps %s" % (plan_string(m["name"]), ", ".join(plan_string(h) for h in m["helps"]))
        if m["note"]:
            line += " note " + plan_string(m["note"])
        out.append(line)
    write_text(path, "\n".join(out) + "\n")


def write_lua(data, path):
    def field(key, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "%s=%s, " % (key, "true" if value else "false")
        if isinstance(value, int):
            return "%s=%d, " % (key, value)
        return "%s=%s, " % (key, lua_string(value))

    def strings(items):
        return "{" + ", ".join(lua_string(x) for x in items) + "}"

    out = ["-- Generated by Benchmarks/generate.py", "return {",
           "vision = %s," % lua_string("Grow steadily, one goal at a time"), "values = {"]
    for v in data["values"]:
        out.append("  {" + field("name", v["name"]) + field("priority", v["priority"])
                   + field("non_negotiable", v["non_negotiable"]) + field("note", v["note"]) + "},")
    out.append("},")
    out.append("skills = {")
    for s in data["skills"]:
        out.append("  {" + field("name", s["name"]) + field("level", s["level"]) + field("target", s["target"]) + "},")
    out.append("},")
    out.append("goals = {")
    for g in data["goals"]:
        needs = "{" + ", ".join("{" + field("skill", n["skill"]) + field("level", n["level"]) + "}"
                                for n in g["needs"]) + "}"
        out.append("  {" + field("name", g["name"]) + field("role", g["role"])
                   + "needs=" + needs + ", serves=" + strings(g["serves"]) + ", after=" + strings(g["after"]) + ", "
                   + field("due", g["due"].isoformat()) + field("impact", g["impact"])
                   + field("note", g["note"]) + field("status", g["status"]) + "},")
    out.append("},")
    out.append("milestones = {")
    for m in data["milestones"]:
        out.append("  {" + field("name", m["name"]) + field("goal", m["goal"])
                   + field("due", m["due"].isoformat()) + field("done", m["done"]) + "},")
    out.append("},")
    out.append("mentors = {")
    for m in data["mentors"]:
        out.append("  {" + field("name", m["name"]) + "helps=" + strings(m["helps"]) + ", " + field("note", m["note"]) + "},")
    out.append("},")
    out.append("}")
    write_text(path, "\n".join(out) + "\n")


def write_ledger(data, path):
    # Cleared (*) is done, pending (!) is doing, no mark is open. Each needed
    # skill is a posting of the level it needs (the target when none is
    # written); the last posting balances the transaction.
    targets = {s["name"]: s["target"] for s in data["skills"]}
    out = ["; Generated by Benchmarks/generate.py", ""]
    for g in data["goals"]:
        mark = {"done": "* ", "doing": "! ", "open": ""}[g["status"]]
        out.append("%s %s%s" % (g["due"].isoformat(), mark, g["name"]))
        out.append("    ; serves: " + ", ".join(g["serves"]))
        if g["role"]:
            out.append("    ; role: " + g["role"])
        for a in g["after"]:
            out.append("    ; after: " + a)
        for n in g["needs"]:
            level = targets[n["skill"]] if n["level"] is None else n["level"]
            out.append("    Skills:%s  %d LVL" % (ledger_account(n["skill"]), level))
        out.append("    Goals:Count  1 GOAL")
        out.append("    Plan:Required")
        out.append("")
    for m in data["milestones"]:
        out.append("%s %s%s" % (m["due"].isoformat(), "* " if m["done"] else "", m["name"]))
        out.append("    ; goal: " + m["goal"])
        out.append("    Milestones:Count  1 MS")
        out.append("    Plan:Milestones")
        out.append("")
    write_text(path, "\n".join(out))


def write_text(path, text):
    # Written beside the target and renamed, so a half-written file never
    # passes for a finished one.
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(temporary, path)


def generate(goal_count, seed, folder, shape="rich"):
    """Writes the three files and returns their paths (plan, lua, ledger)."""
    os.makedirs(folder, exist_ok=True)
    data = build(goal_count, seed, shape)
    stem = os.path.join(folder, "plan-%d" % goal_count if shape == "rich" else "plan-%s-%d" % (shape, goal_count))
    paths = (stem + ".plan", stem + ".lua", stem + ".ledger")
    write_plan(data, paths[0])
    write_lua(data, paths[1])
    write_ledger(data, paths[2])
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goals", type=int, default=10000, help="number of goals (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--shape", choices=SHAPES, default="rich", help="rich (default) or compact")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"),
                        help="folder for the generated files (default Benchmarks/data)")
    args = parser.parse_args()
    if args.goals < 1:
        parser.error("--goals must be at least 1")
    for path in generate(args.goals, args.seed, args.out, args.shape):
        print(path)


if __name__ == "__main__":
    main()
