import Foundation
import Yams

extension Policy {
    /// Loads and compiles a policy file.
    public static func load(contentsOf path: String) throws(PolicyError) -> Policy {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PolicyError(file: path, message: "cannot read the policy: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: path)
    }

    /// Compiles a policy from YAML text. `file` names it in error messages.
    ///
    /// ```yaml
    /// name: default
    /// thresholds: { review: 50, decline: 80 }
    /// rules:
    ///   - name: rapid_retries_after_declines
    ///     when: card.declines_10m >= 3 and card.attempts_1m >= 2
    ///     action: decline            # allow | review | decline | score
    ///     code: VELOCITY_DECLINES_CARD_10M
    ///     advice: do_not_try_again   # try_again_later | do_not_try_again | confirm_card_data
    ///     points: 100                # optional; required for action "score"
    /// model: { path: default-model.json, review: 0.6, decline: 0.9, weight: 100 }  # optional
    /// ```
    public static func parse(yaml: String, file: String = "<string>") throws(PolicyError) -> Policy {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PolicyError(file: file, message: "the policy is empty")
            }
            root = node
        } catch let error as PolicyError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw PolicyError(file: file, message: "\(error)")
        }
        guard let mapping = root.mapping else {
            throw PolicyError(file: file, line: root.mark?.line ?? 0, column: root.mark?.column ?? 0, message: "the policy must be a mapping")
        }
        let name = mapping["name"]?.string ?? "unnamed"
        let thresholds = mapping["thresholds"]?.mapping
        let review = try number(thresholds?["review"], default: 50, key: "thresholds.review", file: file)
        let decline = try number(thresholds?["decline"], default: 80, key: "thresholds.decline", file: file)
        guard review <= decline else {
            throw PolicyError(file: file, line: mapping["thresholds"]?.mark?.line ?? 0, column: mapping["thresholds"]?.mark?.column ?? 0,
                              message: "the review threshold (\(review)) is above the decline threshold (\(decline))")
        }
        guard let ruleNodes = mapping["rules"]?.sequence else {
            throw PolicyError(file: file, message: "the policy has no 'rules' list")
        }
        var rules: [CompiledRule] = []
        var seen = Set<String>()
        for node in ruleNodes {
            let rule = try compileRule(node, reviewThreshold: review, file: file)
            guard seen.insert(rule.name).inserted else {
                throw PolicyError(file: file, rule: rule.name, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: "duplicate rule name")
            }
            rules.append(rule)
        }
        let model = try compileModel(mapping["model"], file: file)
        return Policy(name: name, reviewThreshold: review, declineThreshold: decline, rules: rules, model: model)
    }

    private static func compileRule(_ node: Node, reviewThreshold: Double, file: String) throws(PolicyError) -> CompiledRule {
        func fail(_ message: String, at place: Node?, rule: String = "") -> PolicyError {
            PolicyError(file: file, rule: rule, line: (place ?? node).mark?.line ?? 0, column: (place ?? node).mark?.column ?? 0, message: message)
        }
        guard let mapping = node.mapping else { throw fail("a rule must be a mapping", at: node) }
        guard let name = mapping["name"]?.string, !name.isEmpty else { throw fail("a rule has no 'name'", at: node) }
        guard let actionNode = mapping["action"], let actionName = actionNode.string else {
            throw fail("missing 'action' (allow, review, decline or score)", at: node, rule: name)
        }
        let action: Action?
        if actionName == "score" {
            action = nil
        } else if let parsed = Action(name: actionName) {
            action = parsed
        } else {
            throw fail("unknown action '\(actionName)' (allow, review, decline or score)", at: actionNode, rule: name)
        }
        guard let code = mapping["code"]?.string, !code.isEmpty else { throw fail("missing 'code'", at: node, rule: name) }
        guard let whenNode = mapping["when"], let whenText = whenNode.string else {
            throw fail("missing 'when' condition", at: node, rule: name)
        }
        var advice: RetryAdvice = action == .decline ? .doNotTryAgain : (action == .review ? .tryAgainLater : .none)
        if let adviceNode = mapping["advice"] {
            guard let text = adviceNode.string, let parsed = RetryAdvice(name: text) else {
                throw fail("unknown advice '\(adviceNode.string ?? "")' (try_again_later, do_not_try_again, confirm_card_data)", at: adviceNode, rule: name)
            }
            advice = parsed
        }
        let defaultPoints: Double? = switch action {
        case .decline: 100
        case .review: reviewThreshold
        case .allow: 0
        case nil: nil
        }
        let points: Double
        if let pointsNode = mapping["points"] {
            guard let text = pointsNode.string, let value = Double(text) else { throw fail("'points' must be a number", at: pointsNode, rule: name) }
            points = value
        } else if let defaultPoints {
            points = defaultPoints
        } else {
            throw fail("a score rule needs 'points'", at: node, rule: name)
        }

        let condition: CompiledCondition
        do {
            condition = try CompiledCondition(ExpressionParser.parse(whenText))
        } catch {
            let (line, column) = position(of: error.offset, in: whenText, node: whenNode)
            throw PolicyError(file: file, rule: name, line: line, column: column, message: error.message)
        }
        let template = ReasonTemplate.interned(code: code, feature: condition.primaryFeature, threshold: condition.primaryThreshold,
                                      advice: advice, action: action ?? .allow)
        return CompiledRule(name: name, condition: condition, template: template, points: points, action: action)
    }

    /// Line and column in the file of a character offset within a condition scalar. Exact for
    /// plain and quoted single-line scalars; for folded multi-line scalars the line is the
    /// scalar's first line.
    private static func position(of offset: Int, in text: String, node: Node) -> (Int, Int) {
        guard let mark = node.mark else { return (0, 0) }
        let prefix = text.utf8.prefix(offset)
        if let scalar = node.scalar, scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            let quote = scalar.style == .plain ? 0 : 1
            if !prefix.contains(0x0A) { return (mark.line, mark.column + quote + prefix.count) }
        }
        let lines = prefix.split(separator: 0x0A, omittingEmptySubsequences: false)
        return (mark.line + (lines.count - 1) + (node.scalar?.style == .literal || node.scalar?.style == .folded ? 1 : 0), (lines.last?.count ?? 0) + 1)
    }

    private static func number(_ node: Node?, default value: Double, key: String, file: String) throws(PolicyError) -> Double {
        guard let node else { return value }
        guard let text = node.string, let number = Double(text) else {
            throw PolicyError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: "'\(key)' must be a number")
        }
        return number
    }

    private static func yamlError(_ error: YamlError, file: String) -> PolicyError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return PolicyError(file: file, line: mark.line, column: mark.column,
                               message: "YAML syntax error: \(problem)\(context.map { " \($0.text)" } ?? "")")
        default:
            return PolicyError(file: file, message: "YAML error: \(error)")
        }
    }
}
