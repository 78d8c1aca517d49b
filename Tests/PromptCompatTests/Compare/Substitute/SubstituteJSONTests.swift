import Testing
@testable import PromptCompat

/// The `json` check, for JSON answers (`expect.json`, or every accepted sample is bare JSON): JSON gone or
/// wrapped differently, keys missing or added, types changed, and non-text or short text values changed.
@Suite("Substitute check: json")
struct SubstituteJSONTests {
    let check = SubstituteCheck.json
    let order = #"{"order_id": "20240709001", "status": "shipped"}"#
    let json = Expectations(json: true)

    @Test("bare JSON that comes back inside prose is flagged")
    func bareToProse() {
        let candidate = #"好的，查询结果如下：{"order_id": "20240709001", "status": "shipped"}"#
        #expect(check.reasons([order], candidate) == ["JSON now wrapped in prose"])
    }

    @Test("bare JSON that comes back in a code fence is flagged")
    func bareToFenced() {
        let candidate = "```json\n\(order)\n```"
        #expect(check.reasons([order], candidate) == ["JSON now wrapped in a ``` code fence"])
    }

    @Test("a fenced baseline and a fenced answer agree; a bare answer is never a wrapping regression")
    func fencedBaseline() {
        let sample = "```json\n{\"intent\": \"refund\", \"confidence\": 0.92}\n```"
        let fenced = "```json\n{\n  \"intent\": \"refund\",\n  \"confidence\": 0.92\n}\n```"
        #expect(check.reasons([sample], fenced, expect: json) == [])
        #expect(check.reasons([sample], #"{"intent": "refund", "confidence": 0.92}"#, expect: json) == [])
    }

    @Test("a renamed key is a missing key and an extra key")
    func keyMissing() {
        let sample = #"{"order_id": "20240709001", "status": "shipped", "carrier": "SF"}"#
        #expect(check.reasons([sample], order) == ["JSON $.carrier: missing"])
        let renamed = #"{"order_id": "20240709001", "status": "shipped", "courier": "SF"}"#
        #expect(check.reasons([sample], renamed) == ["JSON $.carrier: missing", "JSON $.courier: extra key"])
    }

    @Test("a phone number that became a number instead of a string is a type change")
    func typeChanged() {
        #expect(check.reasons([#"{"name": "张三", "phone": "15900001111"}"#], #"{"name": "张三", "phone": 15900001111}"#)
            == ["JSON $.phone: was a string, now a number"])
    }

    @Test("a changed number is flagged with both values")
    func numberChanged() {
        #expect(check.reasons([#"{"sku": "SKU-123", "amount": 299}"#], #"{"sku": "SKU-123", "amount": 199}"#)
            == ["JSON $.amount: 299 → 199"])
    }

    @Test("a long text value may be reworded when it keeps its facts")
    func longStringReworded() {
        // 29 and 27 characters: both longer than the 24 of a code or label, and neither has a fact.
        let sample = #"{"intent": "logistics", "reply": "您好，您的订单已经发货，预计明天下午送达，请保持电话畅通。"}"#
        let candidate = #"{"intent": "logistics", "reply": "您好，订单已发出，预计明天下午到达，请您保持手机畅通。"}"#
        #expect(check.reasons([sample], candidate) == [])
    }

    @Test("a short text value (a status code) may not change")
    func shortStringChanged() {
        #expect(check.reasons([order], #"{"order_id": "20240709001", "status": "delivered"}"#)
            == [#"JSON $.status: "shipped" → "delivered""#])
    }

    @Test("a Chinese text value is measured in columns: a described fault may be reworded, a status may not")
    func chineseTextWidth() {
        // 13 and 15 characters, 26 and 30 columns: a description, not a code.
        let sample = #"{"type": "路灯故障", "description": "路灯损坏约一周，夜间无照明"}"#
        let reworded = #"{"type": "路灯故障", "description": "路灯已坏一个星期，晚上没有照明"}"#
        #expect(check.reasons([sample], reworded) == [])
        // 4 characters, 8 columns: a label, held to its value.
        #expect(check.reasons([sample], #"{"type": "井盖缺失", "description": "路灯损坏约一周，夜间无照明"}"#)
            == [#"JSON $.type: "路灯故障" → "井盖缺失""#])
        #expect(JSONValueChange.width(of: "已发货") == 6)
        // The same words in another order describe the same thing; a two-word value is a label.
        #expect(check.reasons([#"{"vehicle": "2016 Honda CR-V, silver"}"#], #"{"vehicle": "silver 2016 Honda CR-V"}"#) == [])
        #expect(check.reasons([#"{"route": "Line 3"}"#], #"{"route": "3 Line"}"#) == [#"JSON $.route: "Line 3" → "3 Line""#])
        #expect(check.reasons([#"{"date": "2024-07-15"}"#], #"{"date": "07/15/2024"}"#) == [#"JSON $.date: "2024-07-15" → "07/15/2024""#])
        #expect(JSONValueChange.width(of: "50米处") == 6)
    }

    @Test("where the prompt fixes the order, long steps in another order are that change, said once; without it, a set")
    func stepsReordered() {
        let prompt = "Convert the procedure into JSON {\"steps\": [...]} with the steps in the exact order they must be performed."
        let sample = #"{"steps": ["Verify the patient's identity and date of birth", "Call the transferring pharmacy to confirm refills", "Enter the prescription into the system"]}"#
        let swapped = #"{"steps": ["Verify the patient's identity and date of birth", "Enter the prescription into the system", "Call the transferring pharmacy to confirm refills"]}"#
        #expect(check.reasons([sample], swapped, instructions: prompt) == ["JSON $.steps: the same items in another order (the prompt fixes the order)"])
        #expect(check.reasons([sample], swapped, instructions: "Extract the tasks mentioned, as JSON.") == [])
        #expect(check.reasons([sample], sample, instructions: prompt) == [])
        // Reworded and swapped: each step still says one accepted step, in another place.
        let reworded = #"{"steps": ["Check the patient's ID and date of birth", "Enter the prescription in the system", "Phone the transferring pharmacy to confirm refills remain"]}"#
        #expect(check.reasons([sample], reworded, instructions: prompt) == ["JSON $.steps: the same items in another order (the prompt fixes the order)"])
        let inOrder = #"{"steps": ["Check the patient's ID and date of birth", "Phone the transferring pharmacy to confirm refills remain", "Enter the prescription in the system"]}"#
        #expect(check.reasons([sample], inOrder, instructions: prompt) == [])
    }

    @Test("key order and whitespace are not changes")
    func layoutIsNotAChange() {
        #expect(check.reasons([order], "{\n  \"status\": \"shipped\",\n  \"order_id\": \"20240709001\"\n}") == [])
    }

    @Test("the check runs for expect.json or when every sample is bare JSON, and only then")
    func whenItRuns() {
        // Prose samples: not a JSON answer, whatever the candidate does.
        #expect(check.reasons(["您的订单20240709001已发货。"], order) == [])
        // Samples that disagree on the wrapping: not every one bare, so only expect.json turns the check on,
        // and then the wrapping is not compared (the baseline varies), the values are.
        let samples = [order, #"查询结果：{"order_id": "20240709001", "status": "shipped"}"#]
        let cancelled = #"查询结果如下：{"order_id": "20240709001", "status": "cancelled"}"#
        #expect(check.reasons(samples, cancelled) == [])
        #expect(check.reasons(samples, cancelled, expect: json) == [#"JSON $.status: "shipped" → "cancelled""#])
        // Without JSON in the answer: the check says so when the samples were bare JSON; with expect.json
        // the assertion ("is not valid JSON") says it, so the check stays quiet rather than repeat it.
        #expect(check.reasons([order], "您的订单20240709001已发货。") == ["no JSON in the answer any more"])
        #expect(check.reasons([order], "您的订单20240709001已发货。", expect: json) == [])
    }

    @Test("a citation like [1] in prose is not JSON; an array of strings is")
    func citationsAreNotJSON() {
        // A prose baseline with a citation is not a JSON answer.
        #expect(check.reasons(["签收后7天内可无理由退货[1]。"], "签收后7天内可以无理由退货[1][2]。") == [])
        // Where JSON is expected, a citation does not stand in for it.
        #expect(check.reasons([#"{"policy": "7天无理由退货", "source": 1}"#], "签收后7天内可无理由退货[1]。")
            == ["no JSON in the answer any more"])
        // Two strings in brackets are data: the bare array came back inside prose.
        #expect(check.reasons([#"["黑色", "白色"]"#], #"目前可选的颜色有：["黑色", "白色"]"#) == ["JSON now wrapped in prose"])
    }

    @Test("a field the accepted samples disagree on is not held to either value; a field they agree on is")
    func noiseAware() {
        let candidate = #"{"intent": "refund", "confidence": 0.75}"#
        let disagreeing = [#"{"intent": "refund", "confidence": 0.92}"#, #"{"intent": "refund", "confidence": 0.88}"#]
        #expect(check.reasons(disagreeing, candidate) == [])
        let agreeing = [#"{"intent": "refund", "confidence": 0.92}"#, #"{"intent": "refund", "confidence": 0.92}"#]
        #expect(check.reasons(agreeing, candidate) == ["JSON $.confidence: 0.92 → 0.75"])
    }

    @Test("a key only some accepted samples have is not required")
    func optionalKey() {
        let samples = [#"{"intent": "refund", "note": "用户情绪激动"}"#, #"{"intent": "refund"}"#]
        #expect(check.reasons(samples, #"{"intent": "refund"}"#) == [])
        #expect(check.reasons(samples, #"{"intent": "exchange"}"#) == [#"JSON $.intent: "refund" → "exchange""#])
    }
}
