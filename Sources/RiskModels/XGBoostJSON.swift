/// The parts of an XGBoost JSON model (`Booster.save_model("m.json")`) this library reads.
struct XGBoostJSON: Decodable {
    struct Learner: Decodable {
        var featureNames: [String]?
        var learnerModelParam: ModelParam
        var objective: Objective
        var gradientBooster: GradientBooster

        enum CodingKeys: String, CodingKey {
            case featureNames = "feature_names"
            case learnerModelParam = "learner_model_param"
            case objective
            case gradientBooster = "gradient_booster"
        }
    }

    struct ModelParam: Decodable {
        var baseScore: String
        var numClass: String?
        var numFeature: String
        var numTarget: String?

        enum CodingKeys: String, CodingKey {
            case baseScore = "base_score"
            case numClass = "num_class"
            case numFeature = "num_feature"
            case numTarget = "num_target"
        }
    }

    struct Objective: Decodable {
        var name: String
    }

    struct GradientBooster: Decodable {
        var name: String
        var model: Model?
    }

    struct Model: Decodable {
        var trees: [Tree]
        var treeInfo: [Int]?

        enum CodingKeys: String, CodingKey {
            case trees
            case treeInfo = "tree_info"
        }
    }

    struct Tree: Decodable {
        var leftChildren: [Int32]
        var rightChildren: [Int32]
        var splitIndices: [Int32]
        var splitConditions: [Float]
        var defaultLeft: [Bool]
        var splitType: [Int]?
        var sumHessian: [Double]

        enum CodingKeys: String, CodingKey {
            case leftChildren = "left_children"
            case rightChildren = "right_children"
            case splitIndices = "split_indices"
            case splitConditions = "split_conditions"
            case defaultLeft = "default_left"
            case splitType = "split_type"
            case sumHessian = "sum_hessian"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            leftChildren = try c.decode([Int32].self, forKey: .leftChildren)
            rightChildren = try c.decode([Int32].self, forKey: .rightChildren)
            splitIndices = try c.decode([Int32].self, forKey: .splitIndices)
            splitConditions = try c.decode([Float].self, forKey: .splitConditions)
            // XGBoost writes default_left as 0/1 integers; older versions wrote booleans.
            if let ints = try? c.decode([Int].self, forKey: .defaultLeft) {
                defaultLeft = ints.map { $0 != 0 }
            } else {
                defaultLeft = try c.decode([Bool].self, forKey: .defaultLeft)
            }
            splitType = try c.decodeIfPresent([Int].self, forKey: .splitType)
            sumHessian = try c.decode([Double].self, forKey: .sumHessian)
        }
    }

    var learner: Learner
}
