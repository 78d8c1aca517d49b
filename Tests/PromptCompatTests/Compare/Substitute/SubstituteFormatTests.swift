import Testing
@testable import PromptCompat

/// The `format` check: a label became a sentence, a table became prose, text was added where the prompt
/// asks for the answer only, or — where the prompt fixes a format — any shape change every sample agrees on.
@Suite("Substitute check: format")
struct SubstituteFormatTests {
    let check = SubstituteCheck.format

    @Test("a one-line label that became a sentence is flagged")
    func labelBecameSentence() {
        // 8 characters around the 2-character label: not more than 2 × 2 + 4, but it contains the label and
        // is at least 3 longer. The reason quotes the normalized answer (the full-width colon is now ":").
        #expect(check.reasons(["发票"], "该工单属于：发票") == [#"was a one-line label ("发票"), now "该工单属于:发票""#])
        // 71 characters against 8: the first 40 are quoted.
        #expect(check.reasons(["negative"], "Negative. The reviewer says the charger stopped working after two days.")
            == [#"was a one-line label ("negative"), now "Negative. The reviewer says the charger ""#])
    }

    @Test("a label in another case or with a full stop is the same label")
    func labelStyle() {
        #expect(check.reasons(["positive"], "Positive") == [])
        #expect(check.reasons(["positive"], "Positive.", instructions: "只输出 positive 或 negative。") == [])
        #expect(check.reasons(["发票"], "发票。") == [])
    }

    @Test("a table that became prose is flagged, whatever the prompt says")
    func tableBecameProse() {
        let table = "| 商品 | 价格 |\n|---|---|\n| 耳机 | ¥299 |\n| 充电宝 | ¥129 |"
        #expect(check.reasons([table], "耳机的价格是¥299，充电宝的价格是¥129。") == ["was a 2-row table, now prose"])
    }

    @Test("a table is not required when an accepted sample answered in prose")
    func tableNoiseAware() {
        let table = "| 商品 | 价格 |\n|---|---|\n| 耳机 | ¥299 |\n| 充电宝 | ¥129 |"
        #expect(check.reasons([table, "耳机¥299，充电宝¥129。"], "耳机的价格是¥299，充电宝的价格是¥129。") == [])
    }

    @Test("text added around the answer is flagged where the prompt says 只输出, and not where it does not")
    func addedText() {
        let sample = "iPhone 15 Pro 电池续航 官方售后 更换价格"
        let candidate = "好的，以下是改写后的搜索查询：\n\(sample)\n这个查询突出了机型和售后两个关键点，便于检索。"
        // 68 characters on 3 lines against 28 on 1: more than 1.5 × 28 + 10 = 52.
        #expect(check.reasons([sample], candidate, instructions: "把下面的用户问题改写成一句简洁的搜索查询，只输出改写后的查询。")
            == ["adds text the prompt did not ask for (3 lines where the accepted answer has 1)"])
        #expect(check.reasons([sample], candidate, instructions: "把下面的用户问题改写成一句简洁的搜索查询。") == [])
    }

    @Test("\"output only\" in English is an only-the-answer prompt too")
    func outputOnlyEnglish() {
        let sample = "refund request, damaged item, order 20240709001"
        let candidate = "Sure! Here is the summary:\nrefund request, damaged item, order 20240709001\nLet me know if you need anything else."
        #expect(check.reasons([sample], candidate, instructions: "Summarize the ticket. Output only the summary.")
            == ["adds text the prompt did not ask for (3 lines where the accepted answer has 1)"])
    }

    @Test("\"output only the text\" fixes no line breaks: prose on more lines passes; 一行 does fix them")
    func onlyTheAnswerIsNotALayout() {
        let sample = "Hi Mr. Patel, thank you for your patience. The pallet will be loaded on tomorrow's 7:00 truck. Best regards, Karen"
        let candidate = "Dear Mr. Patel,\n\nThank you for your patience. The pallet will be loaded on tomorrow's 7:00 truck.\n\nBest regards,\nKaren"
        #expect(check.reasons([sample], candidate, instructions: "Fix the grammar of the draft. Output only the corrected text.") == [])
        #expect(check.reasons([sample], candidate, instructions: "Fix the grammar of the draft. Answer in one line.") == ["was one line, now 4 lines"])
    }

    @Test("\"format\" alone fixes how values are written, not the lines: prose in paragraphs passes")
    func valueFormatIsNotALayout() {
        let sample = "No penalty applies after 2023-06-30. The extra $5,000.00 goes to principal and your payment stays $1,486.22."
        let candidate = "No penalty applies after 2023-06-30.\n\nThe extra $5,000.00 goes to principal, and your payment stays $1,486.22."
        #expect(check.reasons([sample], candidate, instructions: "Format rules: amounts as $ with two decimals; dates as YYYY-MM-DD.") == [])
        #expect(check.reasons([sample], candidate, instructions: "Format: one line, amounts as $ with two decimals.") == ["was one line, now 2 lines"])
    }

    @Test("列出 asks to name every item, not for lines: the same allergens on their own lines pass; 分行列出 fixes the lines")
    func enumerateIsNotALayout() {
        let sample = "咖喱牛肉饭含有牛奶、小麦和芹菜；虾仁蒸蛋含有虾和鸡蛋。"
        let candidate = "过敏原如下：\n虾仁蒸蛋：鸡蛋、虾；\n咖喱牛肉饭：芹菜、小麦、牛奶。"
        #expect(check.reasons([sample], candidate, instructions: "涉及过敏原时必须列出菜品含有的全部过敏原。") == [])
        #expect(check.reasons([sample], candidate, instructions: "涉及过敏原时必须列出全部过敏原，一行写完。").count == 1)
    }

    @Test("a prompt that allows a layout (可用Markdown) fixes none; one that names it does")
    func permissionIsNotAFormat() {
        let samples = ["待办：\n- 李工：跟进电梯维修\n- 周敏：发布停车通知\n- 孙强：安排值守"]
        let table = "| 负责人 | 事项 |\n|---|---|\n| 李工 | 跟进电梯维修 |\n| 周敏 | 发布停车通知 |\n| 孙强 | 安排值守 |"
        #expect(check.reasons(samples, table, instructions: "整理会议纪要，写明每项待办的负责人。可用Markdown。") == [])
        #expect(check.reasons(samples, table, instructions: "整理会议纪要，待办用Markdown列表写出。").count == 1)
    }

    @Test("where the prompt fixes a format, a list that became prose is flagged")
    func listBecameProse() {
        let instructions = "根据商品信息列出三个卖点，每个卖点一行，以“- ”开头。"
        let samples = ["- 3000Pa 大吸力\n- 激光导航避障\n- 自动集尘 60 天免倒", "- 3000Pa 超强吸力\n- 激光雷达导航\n- 60 天自动集尘"]
        let prose = "这款扫地机器人拥有3000Pa大吸力，采用激光导航避障，还能自动集尘，60天免倒垃圾。"
        #expect(check.reasons(samples, prose, instructions: instructions) == ["was a 3-item bulleted list, now prose", "was 3 lines, now one line"])
        #expect(check.reasons(samples, prose) == [], "without format words in the prompt the list is not required")
    }

    @Test("lines without markers and a list of as many items are the same lines, even where the prompt fixes one a line")
    func linesMarked() {
        let instructions = "生成下周团课课表，每节课一行，写明星期、时间、课程和教练。"
        let lines = "周一｜19:30-20:30｜流瑜伽｜林悦\n周二｜19:30-20:30｜阴瑜伽｜陈默\n周六｜10:00-11:15｜空中瑜伽｜周宁"
        let bulleted = "下周团课课表：\n- 周一 19:30-20:30 流瑜伽（林悦）\n- 周二 19:30-20:30 阴瑜伽（陈默）\n- 周六 10:00-11:15 空中瑜伽（周宁）"
        #expect(check.reasons([lines], bulleted, instructions: instructions) == [])
        #expect(!check.reasons([lines], "周一流瑜伽（林悦），周二阴瑜伽（陈默），周六空中瑜伽（周宁），时间不变。", instructions: instructions).isEmpty)
    }

    @Test("a run of short unmarked lines and a list of as many items are the same lines, whatever comes around them")
    func shortLinesMarked() {
        let instructions = "请把补种安排按接种日期逐行列给家长，每行写日期、疫苗名称和剂次，最后提醒注意事项。"
        let lines = "补种安排如下：\n9月5日：百白破疫苗 第4剂\n9月5日：麻腮风疫苗 第2剂\n10月3日：乙脑减毒活疫苗 第2剂\n注意事项：乙脑疫苗需与麻腮风疫苗间隔不少于28天；接种当天请携带预防接种证，接种后留观30分钟。"
        let listed = "补种计划给您整理好了：\n- 9月5日｜百白破疫苗｜第4剂\n- 9月5日｜麻腮风疫苗｜第2剂\n- 10月3日｜乙脑减毒活疫苗｜第2剂\n温馨提醒：\n1. 乙脑疫苗和麻腮风疫苗至少间隔28天；\n2. 带上预防接种证，打完留观30分钟。"
        #expect(check.reasons([lines], listed, instructions: instructions) == [])
        #expect(!check.reasons(["补种安排：9月5日接种百白破疫苗第4剂和麻腮风疫苗第2剂，10月3日接种乙脑减毒活疫苗第2剂。请携带预防接种证。"], listed, instructions: instructions).isEmpty,
                "prose in one paragraph is no run of lines")
    }

    @Test("a prompt that fixes how values are written (ISO format, uppercase) fixes no layout: prose laid out as a list passes")
    func valueFormatsFixNoLayout() {
        let samples = ["We confirm PO-HS-88214 for 4,000 boxes at $1.15 each, totalling $4,600.00. Please deliver by 2024-11-08 to Dock 4. Terms: Net 45."]
        let list = "This confirms PO-HS-88214:\n- Quantity: 4,000 boxes @ $1.15\n- Total: $4,600.00\n- Delivery: by 2024-11-08 to Dock 4\n- Terms: Net 45"
        #expect(check.reasons(samples, list, instructions: "Rules: PO numbers in uppercase; dates in ISO format (YYYY-MM-DD); amounts with two decimals.") == [])
        #expect(check.reasons(samples, list, instructions: "Dates in ISO format. Answer in one line.") != [], "a named layout still holds")
    }

    @Test("prose laid out as a table is a format change only where the prompt names a layout")
    func proseBecameTable() {
        let prose = ["You'll be charged $26.84 today for the rest of this cycle (2024-07-20 to 2024-08-14). From 2024-08-15 your monthly charge is $112.00."]
        let table = "| Item | Amount |\n|---|---|\n| Today (2024-07-20 to 2024-08-14) | $26.84 |\n| Monthly from 2024-08-15 | $112.00 |"
        #expect(check.reasons(prose, table, instructions: "Write all dates in ISO format (YYYY-MM-DD) and amounts with two decimals.") == [])
        #expect(check.reasons(prose, table, instructions: "Answer in one line.") != [])
    }

    @Test("a list with another number of items is a format change only where the prompt counts them")
    func itemCount() {
        let samples = ["- 有效的通行证\n- 身份证原件\n- 本地居住证\n- 现场采集照片\n\n窗口办理需5个工作日。"]
        let candidate = "- 有效期内的通行证\n- 身份证原件\n- 本地居住证\n- 照片现场采集\n- 办理时限：窗口需5个工作日"
        #expect(check.reasons(samples, candidate, instructions: "按要点列出所需材料，使用“- ”开头的列表。窗口5个工作日办结。") == [])
        #expect(check.reasons(samples, candidate, instructions: "用“- ”开头的列表列出4条所需材料。") == ["was a 4-item bulleted list, now a 5-item bulleted list"])
    }

    @Test("where the prompt asks for comma-separated values, a list is flagged")
    func commaSeparatedBecameList() {
        #expect(check.reasons(["Black, White, Blue"], "- Black\n- White\n- Blue", instructions: "Return the available colors, comma-separated.")
            == ["was prose, now a 3-item bulleted list", "was one line, now 3 lines"])
    }

    @Test("a shape the accepted samples disagree on is not enforced")
    func formatNoiseAware() {
        let instructions = "根据商品信息列出三个卖点，每个卖点一行。"
        let samples = ["- 3000Pa 大吸力\n- 激光导航避障\n- 自动集尘 60 天免倒", "3000Pa 大吸力，激光导航避障，自动集尘 60 天免倒。"]
        #expect(check.reasons(samples, "这款扫地机器人拥有3000Pa大吸力，采用激光导航避障，还能自动集尘，60天免倒垃圾。", instructions: instructions) == [])
    }

    @Test("samples that are all lists of different lengths still require a list")
    func listsOfDifferentLengths() {
        let instructions = "根据商品信息列出卖点，每个卖点一行。"
        let samples = ["- 3000Pa 大吸力\n- 激光导航避障\n- 自动集尘 60 天免倒", "- 3000Pa 超强吸力\n- 激光雷达导航\n- 60 天自动集尘\n- 支持 App 远程控制"]
        let prose = "这款扫地机器人拥有3000Pa大吸力，采用激光导航避障，还能自动集尘，60天免倒垃圾。"
        #expect(check.reasons(samples, prose, instructions: instructions) != [])
    }

    @Test("a numbered list that became a bulleted list with the same items is not flagged")
    func markerChange() {
        let numbered = "1. 在订单页点击申请退货\n2. 填写退货原因\n3. 寄回商品并填写运单号"
        let bulleted = "- 在订单页点击申请退货\n- 填写退货原因\n- 寄回商品并填写运单号"
        #expect(check.reasons([numbered], bulleted, instructions: "列出退货步骤，分点说明。") == [])
        // One step fewer is the coverage check's to say, unless the prompt counts the steps.
        #expect(check.reasons([numbered], "- 在订单页点击申请退货\n- 寄回商品并填写运单号", instructions: "列出退货步骤，分点说明。") == [])
        #expect(check.reasons([numbered], "- 在订单页点击申请退货\n- 寄回商品并填写运单号", instructions: "分点列出3个步骤。")
            == ["was a 3-item numbered list, now a 2-item bulleted list"])
    }

    @Test("a list restyled with other markers and its points split is not flagged where the prompt counts no items; 第五条 counts none")
    func listRestyled() {
        let numbered = "1. 交通：二等座据实报销\n2. 住宿：每晚不超过500元\n3. 伙食：每天100元包干"
        let bulleted = "一、交通\n- 二等座据实报销\n二、住宿与伙食\n- 每晚不超过500元\n- 每天100元包干\n- 不用提供票据"
        #expect(check.reasons([numbered], bulleted, instructions: "依据办法第五条至第八条，分条列出要点。") == [])
        #expect(check.reasons([numbered], bulleted, instructions: "分条列出3条要点。") != [])
    }

    @Test("the same query laid out on other lines is the same answer")
    func reformattedWhitespace() {
        let sample = "SELECT order_id, amount FROM orders WHERE status = 'paid' ORDER BY amount DESC LIMIT 10;"
        let candidate = "SELECT order_id, amount\nFROM orders\nWHERE status = 'paid'\nORDER BY amount DESC LIMIT 10;"
        #expect(check.reasons([sample], candidate, instructions: "只输出 SQL 语句，每个子句一行，不要解释。") == [])
    }

    @Test("expect.json skips the check: the json check compares JSON answers")
    func jsonSkips() {
        #expect(check.reasons(["发票"], "该工单属于：发票", expect: Expectations(json: true)) == [])
    }

    @Test("format words are whole words: \"information\" and \"suitable\" do not fix a format")
    func formatWordsInsideOtherWords() {
        #expect(!FormatWords.fixesFormat("Answer the customer's question using the order information below."))
        #expect(!FormatWords.fixesFormat("Recommend a suitable phone case for the customer."))
    }

    @Test("编号 fixes a format where the answer is numbered, not where the input has an ID (设备编号, 合同编号)")
    func numberingOrID() {
        #expect(!FormatWords.fixesFormat("把交接班记录润色成规范的书面记录，保留所有设备编号、数量和责任人。"))
        #expect(!FormatWords.fixesFormat("合同编号：ZL-2024-118，请概括付款条款。"))
        #expect(FormatWords.fixesFormat("根据办事指南，用编号列表列出所需材料。"))
        #expect(FormatWords.fixesFormat("请按编号列出步骤。"))
        #expect(FormatWords.fixesFormat("用“1. 2. 3.”编号，只输出要点。"))
    }

    @Test("a prompt that allows points (可以分点, 可分点) fixes no layout; one that asks for them does")
    func pointsAllowed() {
        #expect(!FormatWords.fixesFormat("用通俗的语言解读合同，重要的条件和例外都要讲到，可以分点。"))
        #expect(!FormatWords.fixesFormat("条件和例外必须讲全，可分点。"))
        #expect(FormatWords.fixesFormat("请分点回答。"))
    }
}

@Suite("Substitute check: Chinese numbered lists")
struct ChineseListMarksTests {
    @Test("一、 and （二） are numbered list marks: changing them to 1. is a change of markers, not of shape")
    func marks() {
        #expect(ChineseListMarks.asDigits("公告\n一、绕行解放街；\n（二）暂停两站。") == "公告\n1. 绕行解放街；\n2. 暂停两站。")
        let accepted = "调整如下：\n一、双向绕行解放街；\n二、暂停停靠两站；\n三、首班06:00不变。"
        let candidate = "具体如下：\n1. 线路双向改走解放街；\n2. 两站暂停使用；\n3. 首班仍为06:00。"
        #expect(SubstituteCheck.format.reasons([accepted], candidate, instructions: "格式要求：日期写成YYYY年M月D日") == [])
    }

    @Test("list marks read with their numbers; other lines are not marks", arguments: [
        ("一、首班", 1), ("十二、末班", 12), ("二十三、其他", 23), ("（二）暂停", 2), ("(3) 换乘", 3),
    ])
    func marker(line: String, number: Int) {
        #expect(ChineseListMarks.marker(Substring(line))?.number == number)
    }

    @Test("a line that only starts like a mark is not one")
    func notMarkers() {
        #expect(ChineseListMarks.marker("一些乘客") == nil)
        #expect(ChineseListMarks.marker("(注意)") == nil)
        #expect(Clause.strippingMarkers("十二、末班21:30") == "末班21:30")
    }

    @Test("format words are found as searching each word in turn finds them: Chinese anywhere, Latin only whole")
    func formatWordsMatchOneSearchAWord() {
        func oneByOne(_ text: String, _ words: [String]) -> Bool {
            let lowered = text.lowercasedFast(), composed = lowered.precomposedStringWithCanonicalMapping
            return words.contains { word in
                word.unicodeScalars.first.map(\.isASCII) == true
                    ? UTF8Search.contains(word, in: lowered, unlessNextTo: UTF8Search.isASCIIAlphanumeric) : UTF8Search.contains(word, in: composed)
            }
        }
        let lists = [FormatWords.format, FormatWords.onlyTheAnswer, FormatWords.format + FormatWords.onlyTheAnswer]
        let around = (FormatWords.format + FormatWords.onlyTheAnswer).flatMap { ["\($0)", "x\($0)", "\($0)s", "请\($0)。", "Use \($0.uppercased()) here", "in\($0)"] }
        let texts = TextNormalizerPassesTests.generated + around + ["Answer using the information below.", "e\u{301}format", "格\u{301}式"]
        for words in lists {
            let list = FormatWords.WordList(words)
            let mismatches = texts.filter { FormatWords.contains($0, list) != oneByOne($0, words) }
            #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        }
    }

    @Test("a list laid out as a table is a format change only where the prompt names a list or a table, not a line")
    func listAsTable() {
        let accepted = "- Hadley, Thu Aug 22, 08:00-12:00: floors 1-3\n- Hadley, Thu Aug 22, 13:00-17:00: floors 4-6\n- Mercer, Fri Aug 23, 08:00-12:00: floors 1-2"
        let table = "| Hall | Day | Time | Floors |\n|---|---|---|---|\n| Hadley | Thu Aug 22 | 08:00-12:00 | 1-3 |\n| Hadley | Thu Aug 22 | 13:00-17:00 | 4-6 |\n| Mercer | Fri Aug 23 | 08:00-12:00 | 1-2 |"
        #expect(SubstituteCheck.format.reasons([accepted], table, instructions: "Give the schedule, one line per day and time slot.") == [])
        #expect(SubstituteCheck.format.reasons([accepted], table, instructions: "Give the schedule as a bulleted list, one line per slot.") == ["was a 3-item bulleted list, now a 3-row table"])
    }
}
