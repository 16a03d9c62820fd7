import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Plans built in code, as the interpreter would build them, with names at
/// made-up byte offsets so that every range can be asserted exactly.
@Suite struct ChecksTests {
    let today: Day

    init() throws {
        today = try day("2026-11-25")
    }

    // MARK: - A plan with nothing to say

    @Test func aSoundPlanHasNoDiagnostics() throws {
        #expect(Checks.run(try soundPlan(), today: today) == [])
    }

    @Test func anEmptyPlanHasNoDiagnostics() {
        #expect(Checks.run(Plan(), today: today) == [])
    }

    // MARK: - Unknown names

    @Test func unknownSkillInNeedsSuggestsTheNearMiss() throws {
        var plan = try soundPlan()
        var goal = try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [ident("impact", at: 280)])
        goal.needs = [SkillNeed(skill: str("writng", at: 220), level: nil, levelRange: nil)]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownSkill, "unknown skill \"writng\"", at: r(220, 228), hint: "did you mean \"writing\"?",
                   fix: .respelling(r(220, 228), quoted: true, as: "writing")),
        ])
    }

    @Test func unknownSkillWithoutNearMissSaysHowToDeclareIt() throws {
        var plan = try soundPlan()
        var goal = try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [ident("impact", at: 280)])
        goal.needs = [
            SkillNeed(skill: str("strategic planing", at: 220), level: nil, levelRange: nil),
            SkillNeed(skill: str("public speaking", at: 240), level: 4, levelRange: r(260, 261)),
        ]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownSkill, "unknown skill \"strategic planing\"", at: r(220, 239),
                   hint: "declare it: skill \"strategic planing\" level 0 target 3",
                   fix: .adding("skill \"strategic planing\" level 0 target 3", after: r(220, 239))),
            .error(.unknownSkill, "unknown skill \"public speaking\"", at: r(240, 257),
                   hint: "declare it: skill \"public speaking\" level 0 target 4",
                   fix: .adding("skill \"public speaking\" level 0 target 4", after: r(240, 257))),
        ])
    }

    @Test func theSpecExampleSuggestsStrategicPlanning() throws {
        var plan = try soundPlan()
        plan.add(Skill(name: str("strategic planning", at: 150)))
        var goal = try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [ident("impact", at: 280)])
        goal.needs = [SkillNeed(skill: str("strategic planing", at: 220), level: nil, levelRange: nil)]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownSkill, "unknown skill \"strategic planing\"", at: r(220, 239),
                   hint: "did you mean \"strategic planning\"?", fix: .respelling(r(220, 239), quoted: true, as: "strategic planning")),
        ])
    }

    @Test func unknownSkillInAMentorsHelps() throws {
        var plan = try soundPlan()
        var mentor = Contact.mentor(name: str("Jordan Lee", at: 200))
        mentor.helps = [str("writing", at: 220), str("wrting", at: 232), ident("negotiation", at: 245)]
        plan.add(mentor)
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownSkill, "unknown skill \"wrting\"", at: r(232, 240), hint: "did you mean \"writing\"?",
                   fix: .respelling(r(232, 240), quoted: true, as: "writing")),
            .error(.unknownSkill, "unknown skill \"negotiation\"", at: r(245, 256),
                   hint: "declare it: skill negotiation level 0 target 3",
                   fix: .adding("skill negotiation level 0 target 3", after: r(245, 256))),
        ])
    }

    @Test func unknownValueInServes() throws {
        var plan = try soundPlan()
        plan.add(try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300,
                          serves: [ident("impakt", at: 220), ident("family", at: 230)]))
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownValue, "unknown value \"impakt\"", at: r(220, 226), hint: "did you mean \"impact\"?",
                   fix: .replacing(r(220, 226), with: "impact")),
            .error(.unknownValue, "unknown value \"family\"", at: r(230, 236), hint: "declare it: value family",
                   fix: .adding("value family", after: r(230, 236))),
        ])
    }

    @Test func unknownGoalInAfter() throws {
        var plan = try soundPlan()
        var goal = try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [ident("impact", at: 280)])
        goal.after = [str("Shp", at: 220), str("Get promoted", at: 230)]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownGoal, "unknown goal \"Shp\"", at: r(220, 225), hint: "did you mean \"Ship\"?",
                   fix: .replacing(r(220, 225), with: "\"Ship\"")),
            .error(.unknownGoal, "unknown goal \"Get promoted\"", at: r(230, 244),
                   hint: "declare it: goal \"Get promoted\"", fix: .adding("goal \"Get promoted\"", after: r(230, 244))),
        ])
    }

    @Test func milestoneOfAnUnknownGoalIsAnErrorAndNothingElse() throws {
        var plan = try soundPlan()
        var milestone = Milestone(name: str("Draft", at: 200))
        milestone.goal = str("Shipp", at: 210)
        milestone.due = try day("2027-12-31")
        milestone.dueRange = r(221, 231)
        plan.add(milestone)
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownGoal, "unknown goal \"Shipp\"", at: r(210, 217), hint: "did you mean \"Ship\"?",
                   fix: .respelling(r(210, 217), quoted: true, as: "Ship")),
        ])
    }

    @Test func aNameWrittenAsAStringIsDeclaredAsAString() throws {
        var plan = try soundPlan()
        plan.add(try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [str("goals", at: 220)]))
        #expect(Checks.run(plan, today: today) == [
            .error(.unknownValue, "unknown value \"goals\"", at: r(220, 227), hint: "declare it: value \"goals\"",
                   fix: .adding("value \"goals\"", after: r(220, 227))),
        ])
    }

    // MARK: - Cycles in after

    @Test func twoGoalsAfterEachOther() throws {
        var plan = try soundPlan()
        var a = try goal("A", at: 200, due: "2027-06-30", dueAt: 230, serves: [ident("impact", at: 220)])
        a.after = [str("B", at: 210)]
        var b = try goal("B", at: 300, due: "2027-06-30", dueAt: 330, serves: [ident("impact", at: 320)])
        b.after = [str("A", at: 310)]
        plan.add(a)
        plan.add(b)
        #expect(Checks.run(plan, today: today) == [
            .error(.afterCycle, "goals wait on each other in a cycle: \"A\" -> \"B\" -> \"A\"", at: r(310, 313),
                   hint: "break the cycle: remove \"A\" from the after of goal \"B\"",
                   notes: [.init("goal \"A\" comes after \"B\" here", at: r(210, 213))]),
        ])
    }

    @Test func aGoalAfterItselfIsACycleOfOne() throws {
        var plan = try soundPlan()
        var a = try goal("A", at: 200, due: "2027-06-30", dueAt: 230, serves: [ident("impact", at: 220)])
        a.after = [str("A", at: 210), str("A", at: 215)]
        plan.add(a)
        #expect(Checks.run(plan, today: today) == [
            .error(.afterCycle, "goal \"A\" comes after itself", at: r(210, 213),
                   hint: "remove \"A\" from its own after"),
        ])
    }

    /// A list made whole may name a goal many times: one edge, whether the
    /// list is short (searched) or long (hashed).
    @Test func aGoalNamedOftenInOneAfterIsOneEdge() throws {
        for repeats in [2, NameList<Name>.shortList + 1] {
            var plan = try soundPlan()
            var a = try goal("A", at: 200, due: "2027-06-30", dueAt: 230, serves: [ident("impact", at: 220)])
            a.after = NameList((0..<repeats).map { str("B", at: 240 + 4 * $0) } + [str("C", at: 320)])
            plan.add(a)
            plan.add(try goal("B", at: 400, due: "2027-06-30", dueAt: 430, serves: [ident("impact", at: 420)]))
            plan.add(try goal("C", at: 500, due: "2027-06-30", dueAt: 530, serves: [ident("impact", at: 520)]))
            let graph = AfterGraph(plan, links: Links(plan: plan, today: testToday))
            let (first, b, c) = (plan.index(of: .goal, named: "A"), plan.index(of: .goal, named: "B"), plan.index(of: .goal, named: "C"))
            let edges = try #require(first.map { graph.edges[$0] })
            #expect(edges.map(\.target) == [b, c].compactMap { $0 }, "\(repeats) repeats")
            #expect(edges.map(\.name.range.start) == [240, 320], "\(repeats) repeats")
        }
    }

    @Test func aCycleIsReportedOnceWhereverTheWalkEntersIt() throws {
        var plan = try soundPlan()
        // "Entry" leads into the cycle B -> C -> D -> B; "Side" waits on C.
        var entry = try goal("Entry", at: 200, due: "2027-06-30", dueAt: 230, serves: [ident("impact", at: 220)])
        entry.after = [str("B", at: 210)]
        var b = try goal("B", at: 300, due: "2027-06-30", dueAt: 330, serves: [ident("impact", at: 320)])
        b.after = [str("C", at: 310)]
        var c = try goal("C", at: 400, due: "2027-06-30", dueAt: 430, serves: [ident("impact", at: 420)])
        c.after = [str("D", at: 410)]
        var d = try goal("D", at: 500, due: "2027-06-30", dueAt: 530, serves: [ident("impact", at: 520)])
        d.after = [str("B", at: 510)]
        var side = try goal("Side", at: 600, due: "2027-06-30", dueAt: 630, serves: [ident("impact", at: 620)])
        side.after = [str("C", at: 610)]
        for goal in [entry, b, c, d, side] { plan.add(goal) }
        #expect(Checks.run(plan, today: today) == [
            .error(.afterCycle, "goals wait on each other in a cycle: \"B\" -> \"C\" -> \"D\" -> \"B\"",
                   at: r(510, 513), hint: "break the cycle: remove \"B\" from the after of goal \"D\"",
                   notes: [
                       .init("goal \"B\" comes after \"C\" here", at: r(310, 313)),
                       .init("goal \"C\" comes after \"D\" here", at: r(410, 413)),
                   ]),
        ])
    }

    @Test func separateCyclesAreEachReported() throws {
        var plan = try soundPlan()
        var a = try goal("A", at: 200, due: "2027-06-30", dueAt: 230, serves: [ident("impact", at: 220)])
        a.after = [str("A", at: 210)]
        var b = try goal("B", at: 300, due: "2027-06-30", dueAt: 330, serves: [ident("impact", at: 320)])
        b.after = [str("C", at: 310)]
        var c = try goal("C", at: 400, due: "2027-06-30", dueAt: 430, serves: [ident("impact", at: 420)])
        c.after = [str("B", at: 410)]
        for goal in [a, b, c] { plan.add(goal) }
        let found = Checks.run(plan, today: today)
        #expect(found.map(\.code) == [.afterCycle, .afterCycle])
        #expect(found.map(\.range) == [r(210, 213), r(410, 413)])
    }

    @Test func aLongCycleShowsItsEndsOnly() throws {
        var plan = try soundPlan()
        let count = 20
        for index in 0..<count {
            var goal = Goal(name: str("G\(index)", at: 1000 + index * 100))
            goal.serves = [ident("impact", at: 1000 + index * 100 + 10)]
            goal.due = try day("2027-06-30")
            goal.after = [str("G\((index + 1) % count)", at: 1000 + index * 100 + 50)]
            plan.add(goal)
        }
        let found = Checks.run(plan, today: today)
        #expect(found.count == 1)
        let cycle = try #require(found.first)
        #expect(cycle.message == "goals wait on each other in a cycle: "
            + "\"G0\" -> \"G1\" -> \"G2\" -> \"G3\" -> \"G4\" -> \"G5\" -> ... 13 more -> \"G19\" -> \"G0\"")
        #expect(cycle.range == r(2950, 2954))
        #expect(cycle.hint == "break the cycle: remove \"G0\" from the after of goal \"G19\"")
        #expect(cycle.notes.count == 7)
        #expect(cycle.notes.first == .init("goal \"G0\" comes after \"G1\" here", at: r(1050, 1054)))
    }

    @Test func aChainOf100kGoalsDoesNotOverflowTheStack() throws {
        var plan = Plan()
        plan.vision = "v"
        plan.add(CoreValue(name: ident("impact", at: 0)))
        let count = 100_000
        let due = try day("2027-06-30")
        for index in 0..<count {
            var goal = Goal(name: str("G\(index)", at: 100 + index * 40))
            goal.serves = [ident("impact", at: 100 + index * 40 + 10)]
            goal.due = due
            // Each goal waits on the next; the last closes the loop.
            goal.after = [str("G\((index + 1) % count)", at: 100 + index * 40 + 20)]
            plan.add(goal)
        }
        let found = Checks.run(plan, today: today)
        #expect(found.map(\.code) == [.afterCycle])
        #expect(found.first?.message.hasSuffix("-> ... 99993 more -> \"G99999\" -> \"G0\"") == true)
    }

    // MARK: - Warnings

    @Test func goalWithoutDate() throws {
        var plan = try soundPlan()
        var goal = Goal(name: str("Lead", at: 200))
        goal.serves = [ident("impact", at: 220)]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .warning(.goalWithoutDate, "goal \"Lead\" has no date", at: r(200, 206), hint: "add a date: by 2027-05",
                     fix: Fix(title: "Add `by 2027-05`", edits: [.replace(r(206, 206), with: " by 2027-05")])),
        ])
    }

    @Test func goalPastDueAndNotDone() throws {
        var plan = try soundPlan()
        plan.add(try goal("Lead", at: 200, due: "2026-10-31", dueAt: 230, serves: [ident("impact", at: 220)]))
        plan.add(try goal("Write", at: 300, due: "2026-11-24", dueAt: 330, serves: [ident("impact", at: 320)]))
        #expect(Checks.run(plan, today: today) == [
            .warning(.goalOverdue, "goal \"Lead\" was due 2026-10-31, 25 days ago", at: r(230, 240),
                     hint: "mark it done, or move its date: update goal \"Lead\" by 2027-02",
                     fix: .adding("update goal \"Lead\" by 2027-02", after: r(230, 240))),
            .warning(.goalOverdue, "goal \"Write\" was due 2026-11-24, 1 day ago", at: r(330, 340),
                     hint: "mark it done, or move its date: update goal \"Write\" by 2027-02",
                     fix: .adding("update goal \"Write\" by 2027-02", after: r(330, 340))),
        ])
    }

    @Test func doneGoalsAndGoalsDueTodayAreNeverOverdue() throws {
        var plan = try soundPlan()
        var done = try goal("Done", at: 200, due: "2020-01-31", dueAt: 230, serves: [ident("impact", at: 220)])
        done.status = .done
        var doing = try goal("Doing", at: 300, due: "2026-11-25", dueAt: 330, serves: [ident("impact", at: 320)])
        doing.status = .doing
        plan.add(done)
        plan.add(doing)
        #expect(Checks.run(plan, today: today) == [])
    }

    @Test func milestoneDueAfterItsGoal() throws {
        var plan = try soundPlan()
        var milestone = Milestone(name: str("Demo", at: 200))
        milestone.goal = str("Ship", at: 210)
        milestone.due = try day("2027-08-01")
        milestone.dueRange = r(220, 230)
        plan.add(milestone)
        #expect(Checks.run(plan, today: today) == [
            .warning(.milestoneAfterGoal, "milestone \"Demo\" is due 2027-08-01, after its goal \"Ship\" (due 2027-06-30)",
                     at: r(220, 230), hint: "move it to 2027-06-30 or earlier: update milestone \"Demo\" by 2027-06-30",
                     notes: [.init("goal \"Ship\" is due here", at: r(100, 110))],
                     fix: .adding("update milestone \"Demo\" by 2027-06-30", after: r(220, 230))),
        ])
    }

    @Test func milestoneOnItsGoalsDayOrOfAGoalWithoutDateIsFine() throws {
        var plan = try soundPlan()
        var undated = Goal(name: str("Someday", at: 150))
        undated.serves = [ident("impact", at: 160)]
        plan.add(undated)
        var onTheDay = Milestone(name: str("Demo", at: 200))
        onTheDay.goal = str("Ship", at: 210)
        onTheDay.due = try day("2027-06-30")
        plan.add(onTheDay)
        var ofUndated = Milestone(name: str("Start", at: 300))
        ofUndated.goal = str("Someday", at: 310)
        ofUndated.due = try day("2030-01-31")
        plan.add(ofUndated)
        #expect(Checks.run(plan, today: today).map(\.code) == [.goalWithoutDate])
    }

    @Test func goalDueBeforeAGoalItComesAfter() throws {
        var plan = try soundPlan()
        var head = try goal("Head", at: 200, due: "2027-03", dueAt: 240, serves: [ident("impact", at: 220)])
        head.after = [str("Ship", at: 210), str("Ship", at: 230)]
        plan.add(head)
        #expect(Checks.run(plan, today: today) == [
            .warning(.goalBeforePrerequisite,
                     "goal \"Head\" is due 2027-03-31, before \"Ship\" (due 2027-06-30), which it comes after",
                     at: r(240, 247),
                     hint: "move it to 2027-06-30 or later: update goal \"Head\" by 2027-06-30; or move \"Ship\" earlier",
                     notes: [.init("goal \"Ship\" is due here", at: r(100, 110))],
                     fix: .adding("update goal \"Head\" by 2027-06-30", after: r(240, 247))),
        ])
    }

    @Test func goalsWithoutDatesOrOnTheSameDayAreNotOutOfOrder() throws {
        var plan = try soundPlan()
        var sameDay = try goal("Same", at: 200, due: "2027-06-30", dueAt: 240, serves: [ident("impact", at: 220)])
        sameDay.after = [str("Ship", at: 210)]
        var undated = Goal(name: str("Undated", at: 300))
        undated.serves = [ident("impact", at: 320)]
        undated.after = [str("Ship", at: 310)]
        var afterUndated = try goal("Later", at: 400, due: "2027-01-31", dueAt: 440, serves: [ident("impact", at: 420)])
        afterUndated.after = [str("Undated", at: 410)]
        for goal in [sameDay, undated, afterUndated] { plan.add(goal) }
        #expect(Checks.run(plan, today: today).map(\.code) == [.goalWithoutDate])
    }

    @Test func goalThatServesNoValueNamesAValueThatIsNotANonNegotiable() throws {
        var plan = Plan()
        plan.vision = "v"
        var family = CoreValue(name: ident("family", at: 10))
        family.nonNegotiable = true
        plan.add(family)
        plan.add(CoreValue(name: ident("impact", at: 30)))
        plan.add(try goal("Lead", at: 200, due: "2027-06-30", dueAt: 230, serves: []))
        #expect(Checks.run(plan, today: today) == [
            .warning(.valueUnserved, "no goal serves value \"family\"", at: r(10, 16),
                     hint: "add serves family to the goals that honour it"),
            .warning(.valueUnserved, "no goal serves value \"impact\"", at: r(30, 36),
                     hint: "add serves impact to the goals that honour it"),
            .warning(.goalServesNothing, "goal \"Lead\" serves no value", at: r(200, 206),
                     hint: "which of your values does this goal serve? add serves impact"),
        ])
    }

    @Test func whenEveryValueIsANonNegotiableTheFirstIsNamed() throws {
        var plan = Plan()
        plan.vision = "v"
        var health = CoreValue(name: ident("health", at: 10))
        health.nonNegotiable = true
        plan.add(health)
        plan.add(try goal("Lead", at: 200, due: "2027-06-30", dueAt: 230, serves: []))
        #expect(Checks.run(plan, today: today).last?.hint
            == "which of your values does this goal serve? add serves health")
    }

    @Test func goalThatServesNoValueWhenNoValueIsDeclared() throws {
        var plan = Plan()
        plan.vision = "v"
        plan.add(try goal("Lead", at: 200, due: "2027-06-30", dueAt: 230, serves: []))
        #expect(Checks.run(plan, today: today) == [
            .warning(.goalServesNothing, "goal \"Lead\" serves no value", at: r(200, 206),
                     hint: "which of your values does this goal serve? declare one (value growth) and add serves growth"),
        ])
    }

    @Test func goalThatNeedsASkillAboveItsTarget() throws {
        var plan = try soundPlan()
        var goal = try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [ident("impact", at: 280)])
        goal.needs = [
            SkillNeed(skill: str("writing", at: 220), level: 5, levelRange: r(233, 234)),
            SkillNeed(skill: str("writing", at: 240), level: 3, levelRange: r(253, 254)),
            SkillNeed(skill: str("writing", at: 260), level: nil, levelRange: nil),
        ]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .warning(.needAboveTarget, "goal \"Lead\" needs skill \"writing\" at 5, above its target 3", at: r(233, 234),
                     hint: "need less (at 3), or raise the target: update skill \"writing\" target 5"),
        ])
    }

    @Test func aSkillWithoutTargetHasItsLevelAsTarget() throws {
        var plan = try soundPlan()
        var speaking = Skill(name: str("public speaking", at: 150))
        speaking.level = 2
        plan.add(speaking)
        var goal = try goal("Lead", at: 200, due: "2027-06-30", dueAt: 300, serves: [ident("impact", at: 280)])
        goal.needs = [SkillNeed(skill: str("public speaking", at: 220), level: 3, levelRange: r(241, 242))]
        plan.add(goal)
        #expect(Checks.run(plan, today: today) == [
            .warning(.needAboveTarget, "goal \"Lead\" needs skill \"public speaking\" at 3, above its target 2",
                     at: r(241, 242),
                     hint: "need less (at 2), or raise the target: update skill \"public speaking\" target 3"),
        ])
    }

    @Test func planWithoutVision() throws {
        var plan = try soundPlan()
        plan.vision = nil
        plan.visionRange = nil
        #expect(Checks.run(plan, today: today) == [
            .warning(.noVision, "the plan has no vision", at: r(0, 0), hint: "add vision \"...\""),
        ])
    }

    @Test func aPlanWithOnlyAVisionOrOnlyAMentorHasNothingElseToFix() {
        var visionOnly = Plan()
        visionOnly.vision = "Lead teams"
        #expect(Checks.run(visionOnly, today: today) == [])
        var mentorOnly = Plan()
        mentorOnly.add(Contact.mentor(name: str("Jordan", at: 5)))
        #expect(Checks.run(mentorOnly, today: today).map(\.code) == [.noVision])
    }

    @Test func valueThatNoGoalServes() throws {
        var plan = try soundPlan()
        plan.add(CoreValue(name: ident("health", at: 150)))
        plan.add(CoreValue(name: str("time off", at: 170)))
        #expect(Checks.run(plan, today: today) == [
            .warning(.valueUnserved, "no goal serves value \"health\"", at: r(150, 156),
                     hint: "add serves health to the goals that honour it"),
            .warning(.valueUnserved, "no goal serves value \"time off\"", at: r(170, 180),
                     hint: "add serves \"time off\" to the goals that honour it"),
        ])
    }

    @Test func milestonePastDueAndNotDone() throws {
        var plan = try soundPlan()
        var late = Milestone(name: str("Draft", at: 200))
        late.goal = str("Ship", at: 210)
        late.due = try day("2026-11-01")
        late.dueRange = r(220, 230)
        var done = Milestone(name: str("Outline", at: 300))
        done.goal = str("Ship", at: 310)
        done.due = try day("2026-10-01")
        done.dueRange = r(320, 330)
        done.done = true
        plan.add(late)
        plan.add(done)
        #expect(Checks.run(plan, today: today) == [
            .warning(.milestoneOverdue, "milestone \"Draft\" was due 2026-11-01, 24 days ago", at: r(220, 230),
                     hint: "mark it done, or move its date: update milestone \"Draft\" by 2027-02",
                     fix: .adding("update milestone \"Draft\" by 2027-02", after: r(220, 230))),
        ])
    }

    @Test func aWarningWithoutADateRangeFallsBackToTheName() throws {
        var plan = try soundPlan()
        var goal = Goal(name: str("Lead", at: 200))
        goal.serves = [ident("impact", at: 220)]
        goal.due = try day("2026-01-31")
        plan.add(goal)
        #expect(Checks.run(plan, today: today).map(\.range) == [r(200, 206)])
    }

    // MARK: - Order

    @Test func diagnosticsComeBySourceThenOffsetThenSeverity() {
        let found = Checks.inSourceOrder([
            .warning(.goalWithoutDate, "w at 1:5", at: SourceRange(source: 1, start: 5, end: 6)),
            .warning(.noVision, "w at 0:9", at: SourceRange(source: 0, start: 9, end: 10)),
            .error(.unknownGoal, "e at 1:5", at: SourceRange(source: 1, start: 5, end: 7)),
            .error(.unknownSkill, "e at 0:20", at: SourceRange(source: 0, start: 20, end: 21)),
            .warning(.goalServesNothing, "second w at 1:5", at: SourceRange(source: 1, start: 5, end: 6)),
        ])
        #expect(found.map(\.message) == ["w at 0:9", "e at 0:20", "e at 1:5", "w at 1:5", "second w at 1:5"])
    }

    @Test func everyKindOfProblemInOneRunInSourceOrder() throws {
        var plan = Plan()
        plan.add(CoreValue(name: ident("impact", at: 10)))
        plan.add(CoreValue(name: ident("health", at: 30)))
        var skill = Skill(name: str("writing", at: 50))
        skill.level = 1
        skill.explicitTarget = 2
        plan.add(skill)
        var lead = try goal("Lead", at: 100, due: "2026-06-30", dueAt: 180, serves: [ident("impakt", at: 130)])
        lead.needs = [SkillNeed(skill: str("writing", at: 110), level: 4, levelRange: r(122, 123))]
        lead.after = [str("Lead", at: 140)]
        plan.add(lead)
        plan.add(Goal(name: str("Later", at: 200)))
        var milestone = Milestone(name: str("Draft", at: 300))
        milestone.goal = str("Lead", at: 310)
        milestone.due = try day("2026-09-30")
        milestone.dueRange = r(320, 330)
        plan.add(milestone)
        let found = Checks.run(plan, today: today)
        #expect(found.map(\.code) == [
            .noVision, .valueUnserved, .valueUnserved, .needAboveTarget, .unknownValue, .afterCycle,
            .goalOverdue, .goalWithoutDate, .goalServesNothing, .milestoneAfterGoal, .milestoneOverdue,
        ])
    }

    @Test func theSourceInEveryHintParses() throws {
        var plan = Plan()
        plan.add(CoreValue(name: str("time off", at: 10)))
        var skill = Skill(name: str("writing", at: 50))
        skill.explicitTarget = 2
        plan.add(skill)
        var lead = try goal("Lead", at: 100, due: "2026-06-30", dueAt: 180, serves: [ident("impakt", at: 130)])
        lead.needs = [
            SkillNeed(skill: str("writing", at: 110), level: 4, levelRange: r(122, 123)),
            SkillNeed(skill: str("public speaking", at: 150), level: nil, levelRange: nil),
        ]
        lead.after = [str("Later", at: 140), str("Nowhere", at: 160)]
        plan.add(lead)
        plan.add(try goal("Later", at: 200, due: "2027-06-30", dueAt: 210, serves: []))
        var milestone = Milestone(name: str("Draft", at: 300))
        milestone.goal = str("Lead", at: 310)
        milestone.due = try day("2026-09-30")
        milestone.dueRange = r(320, 330)
        plan.add(milestone)
        let found = Checks.run(plan, today: today)
        // The source is what follows the hint's last colon, up to a semicolon.
        let written = found.compactMap(\.hint).compactMap { hint -> String? in
            guard let colon = hint.range(of: ": ", options: .backwards) else { return nil }
            return String(hint[colon.upperBound...].prefix { $0 != ";" })
        }
        #expect(written == [
            "update skill \"writing\" target 4",
            "value impakt",
            "skill \"public speaking\" level 0 target 3",
            "goal \"Nowhere\"",
            "update goal \"Lead\" by 2027-02",
            "update goal \"Lead\" by 2027-06-30",
            "update milestone \"Draft\" by 2026-06-30",
            "update milestone \"Draft\" by 2027-02",
        ])
        let vision = try #require(found.first { $0.code == .noVision }?.hint)
        for text in written + [String(vision.dropFirst("add ".count))] {
            let file = Parser.parse(Source(name: "hint", text: text), id: 0)
            #expect(file.diagnostics.isEmpty, "\(text)")
            #expect(file.statements.count == 1, "\(text)")
        }
    }

    // MARK: - Spelling names in hints

    @Test func namesAreSpelledAsTheyWereWritten() {
        #expect(Checks.spelled(ident("impact", at: 0)) == "impact")
        #expect(Checks.spelled(ident("_x9", at: 0)) == "_x9")
        #expect(Checks.spelled(str("impact", at: 0)) == "\"impact\"")
        #expect(Checks.spelled(str("work life", at: 0)) == "\"work life\"")
        // Bare text that no word could hold, from a plan built in code.
        #expect(Checks.spelled(ident("9lives", at: 0)) == "\"9lives\"")
        #expect(Checks.spelled(ident("non-negotiable", at: 0)) == "\"non-negotiable\"")
        #expect(Checks.spelled(ident("", at: 0)) == "\"\"")
    }

    @Test func quotedNamesUseTheLanguagesEscapes() {
        #expect(Literal.string("say \"hi\"\\\n\tnow\u{1}") == "\"say \\\"hi\\\"\\\\\\n\\tnow\\u{1}\"")
        #expect(Literal.string("café ☕") == "\"café ☕\"")
        #expect(Literal.string(" Plain name ~!") == "\" Plain name ~!\"")
        #expect(Literal.string("del\u{7F}") == "\"del\\u{7F}\"")
    }

    // MARK: - Building plans

    /// Nothing to warn about: a vision, a value that a dated goal serves, a skill.
    private func soundPlan() throws -> Plan {
        var plan = Plan()
        plan.vision = "Lead teams, home for dinner"
        plan.visionRange = r(0, 25)
        var impact = CoreValue(name: ident("impact", at: 30))
        impact.priority = 1
        plan.add(impact)
        var writing = Skill(name: str("writing", at: 50))
        writing.level = 2
        writing.explicitTarget = 3
        plan.add(writing)
        plan.add(try goal("Ship", at: 70, due: "2027-06-30", dueAt: 100, serves: [ident("impact", at: 90)]))
        return plan
    }

    private func goal(_ text: String, at start: Int, due: String, dueAt dueStart: Int, serves: [Name]) throws -> Goal {
        var goal = Goal(name: str(text, at: start))
        goal.due = try day(due)
        goal.dueRange = r(dueStart, dueStart + due.utf8.count)
        goal.serves = NameList(serves)
        return goal
    }
}

private func day(_ text: String) throws -> Day {
    try Day.parse(text).get()
}

private func r(_ start: Int, _ end: Int) -> SourceRange {
    SourceRange(source: 0, start: start, end: end)
}

/// A name written as a string: its range covers the quotes.
private func str(_ text: String, at start: Int) -> Name {
    Name(text: text, range: r(start, start + text.utf8.count + 2), quoted: true)
}

private func ident(_ text: String, at start: Int) -> Name {
    Name(text: text, range: r(start, start + text.utf8.count), quoted: false)
}
