import Foundation
import Testing
@testable import RiskModels

/// Tiny models written by hand, whose outputs can be worked out on paper.
@Suite("Hand-written models")
struct HandWrittenModelTests {
    /// Two trees: a single leaf (as LightGBM writes for a tree that could not split) and a
    /// stump on `b` with missing type NaN, default left.
    let lightGBM = """
        tree
        version=v4
        num_class=1
        num_tree_per_iteration=1
        label_index=0
        max_feature_idx=1
        objective=binary sigmoid:2
        feature_names=a b
        feature_infos=[0:1] [0:1]
        tree_sizes=10 10

        Tree=0
        num_leaves=1
        num_cat=0
        split_feature=
        split_gain=
        threshold=
        decision_type=
        left_child=
        right_child=
        leaf_value=0.25
        leaf_weight=
        leaf_count=
        internal_value=
        internal_weight=
        internal_count=
        is_linear=0
        shrinkage=1


        Tree=1
        num_leaves=2
        num_cat=0
        split_feature=1
        split_gain=1
        threshold=0.5
        decision_type=10
        left_child=-1
        right_child=-2
        leaf_value=-1 3
        leaf_weight=3 1
        leaf_count=30 10
        internal_value=0
        internal_weight=4
        internal_count=40
        is_linear=0
        shrinkage=0.1


        end of trees

        feature_importances:
        b=1
        """

    @Test("a single-leaf tree adds its value; a NaN-default-left stump splits with <=")
    func lightGBMByHand() throws {
        let model = try TreeEnsemble(lightGBMText: lightGBM, source: "hand.txt")
        #expect(model.treeCount == 2)
        #expect(model.featureNames == ["a", "b"])
        #expect(model.margin([9, 0.5]) == 0.25 - 1)     // 0.5 <= 0.5: left
        #expect(model.margin([9, 0.6]) == 0.25 + 3)
        #expect(model.margin([9, .nan]) == 0.25 - 1)    // NaN: default left
        #expect(model.probability([9, 0.6]) == 1 / (1 + exp(-2 * 3.25)))  // sigmoid:2
        // Saabas: E(stump) = (30·-1 + 10·3) / 40 = 0, so bias = 0.25 and b gets the leaf.
        let (values, bias) = model.contributions([9, 0.6])
        #expect(bias == 0.25)
        #expect(values == [0, 3])
    }

    @Test("feature_names disagreeing with max_feature_idx is rejected with the reason")
    func missingNames() {
        let broken = lightGBM.replacingOccurrences(of: "feature_names=a b", with: "feature_names=a")
        #expect(throws: ModelLoadError.malformed(source: "hand.txt", reason: "1 feature_names for max_feature_idx 1")) {
            try TreeEnsemble(lightGBMText: broken, source: "hand.txt")
        }
    }

    @Test("RiskModel recognises each format from the content")
    func recognition() throws {
        #expect(try RiskModel(data: Data(lightGBM.utf8), source: "m").featureNames == ["a", "b"])
        let xgb = try RiskModel.load(contentsOf: Fixtures.url("xgb_small.json"))
        guard case let .treeEnsemble(trees) = xgb else { Issue.record("not a tree ensemble"); return }
        #expect(trees.format == .xgboost)
        #expect(throws: ModelLoadError.malformed(source: "m", reason: "JSON is neither an XGBoost model nor a logistic_regression model")) {
            try RiskModel(data: Data("{\"a\":1}".utf8), source: "m")
        }
    }
}
