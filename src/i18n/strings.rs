//! The translation table. Vietnamese follows the lesson's own wording
//! (see `../shared/seed/000_0289f6d8af960746.txt` and the glossary).

super::translations! {
    /// Page title and heading.
    AppTitle { vi: "TripletLab — Triplet Loss (hàm mất mát bộ ba)", en: "TripletLab — the triplet loss" }
    /// One-line invitation under the title.
    Tagline {
        vi: "Kéo các điểm A, P, N và quan sát hàm mất mát thay đổi ngay lập tức.",
        en: "Drag the points A, P, N and watch the loss change as you move them.",
    }
    /// Label of the language picker.
    Language { vi: "Ngôn ngữ", en: "Language" }
    /// Accessible name of the plot.
    PlotLabel {
        vi: "Mặt phẳng vector đặc trưng: anchor, positive, negative và các vùng ngưỡng (margin)",
        en: "Embedding plane: anchor, positive, negative and the margin regions",
    }
    /// Legend: anchor.
    LegendAnchor { vi: "A — mẫu anchor (hình ảnh neo)", en: "A — anchor" }
    /// Legend: positive.
    LegendPositive { vi: "P — mẫu positive (hình ảnh dương)", en: "P — positive (same identity as A)" }
    /// Legend: negative.
    LegendNegative { vi: "N — mẫu negative (hình ảnh âm)", en: "N — negative (another identity)" }
    /// Region / class: hard negative.
    ClassHard { vi: "khó", en: "hard" }
    /// Region / class: semi-hard negative.
    ClassSemiHard { vi: "nửa khó", en: "semi-hard" }
    /// Region / class: easy negative.
    ClassEasy { vi: "dễ", en: "easy" }
    /// Legend explanation of the hard region.
    RegionHard {
        vi: "khó: N gần A hơn P (d_an < d_ap)",
        en: "hard: N is closer to A than P (d_an < d_ap)",
    }
    /// Legend explanation of the semi-hard region.
    RegionSemiHard {
        vi: "nửa khó: N xa hơn P nhưng vẫn nằm trong ngưỡng (d_ap ≤ d_an < d_ap + α)",
        en: "semi-hard: N is farther than P but still inside the margin (d_ap ≤ d_an < d_ap + α)",
    }
    /// Legend explanation of the easy region.
    RegionEasy {
        vi: "dễ: N ở ngoài ngưỡng, hàm mất mát bằng 0 (d_an ≥ d_ap + α)",
        en: "easy: N is outside the margin, zero loss (d_an ≥ d_ap + α)",
    }
    /// Legend: inner circle.
    CircleInner { vi: "đường tròn bán kính √d_ap", en: "circle of radius √d_ap" }
    /// Legend: outer circle.
    CircleOuter { vi: "đường tròn bán kính √(d_ap + α)", en: "circle of radius √(d_ap + α)" }
    /// Heading of the margin control.
    MarginLabel { vi: "Ngưỡng (margin) α", en: "Margin α" }
    /// Heading of the live numbers.
    LiveNumbers { vi: "Các giá trị tức thời", en: "Live numbers" }
    /// Readout label: squared anchor–positive distance.
    ReadoutDap {
        vi: "bình phương khoảng cách anchor–positive",
        en: "squared anchor–positive distance",
    }
    /// Readout label: squared anchor–negative distance.
    ReadoutDan {
        vi: "bình phương khoảng cách anchor–negative",
        en: "squared anchor–negative distance",
    }
    /// Readout label: anchor–positive distance (non-squared conventions).
    ReadoutDapPlain { vi: "khoảng cách anchor–positive", en: "anchor–positive distance" }
    /// Readout label: anchor–negative distance (non-squared conventions).
    ReadoutDanPlain { vi: "khoảng cách anchor–negative", en: "anchor–negative distance" }
    /// Readout label: hinge argument.
    ReadoutHinge { vi: "đối số của max: d_ap − d_an + α", en: "hinge argument: d_ap − d_an + α" }
    /// Readout label: the loss.
    ReadoutLoss { vi: "hàm mất mát L", en: "loss L" }
    /// Verdict when the loss is zero.
    VerdictZero {
        vi: "L = 0: mô hình không học được gì nhiều từ bộ ba này.",
        en: "L = 0: the model learns almost nothing from this triplet.",
    }
    /// Verdict when the loss is positive.
    VerdictPositive {
        vi: "L > 0: mô hình có thể học thêm được.",
        en: "L > 0: the model can keep learning.",
    }
    /// Prefix before the negative's class, e.g. "N1 is semi-hard".
    NegativeIs { vi: "là mẫu âm", en: "is a negative that is" }
    /// Heading of the coordinate editor.
    Coordinates { vi: "Toạ độ các điểm", en: "Point coordinates" }
    /// Help for the handles.
    HandleHelp {
        vi: "Kéo thả điểm bằng chuột, bút hoặc ngón tay; hoặc bấm Tab để tới các điểm (một điểm dừng Tab cho cả nhóm), dùng phím mũi tên để di chuyển điểm (giữ Shift để bước lớn hơn), [ và ] (hoặc Page Up / Page Down) để chuyển sang điểm trước / sau, Home / End tới điểm đầu / cuối, phím Delete để xoá một mẫu positive/negative.",
        en: "Drag a point with mouse, pen or finger; or Tab to the points (one Tab stop for all of them), move the point with the arrow keys (hold Shift for larger steps), go to the previous / next point with [ and ] (or Page Up / Page Down), Home / End for the first / last point, Delete to remove a positive or negative.",
    }
    /// Accessible description of a handle (the point's name precedes it).
    HandleAria {
        vi: "kéo thả hoặc dùng phím mũi tên để di chuyển; [ và ] để chuyển điểm",
        en: "drag or use the arrow keys to move; [ and ] for another point",
    }
    /// Label of the preset picker.
    PresetLabel { vi: "Tình huống có sẵn", en: "Preset" }
    /// Preset: free play (the scene as the user left it).
    PresetCustom { vi: "Tự do (kéo thả)", en: "Free play (your points)" }
    /// Preset: the start scene.
    PresetStart { vi: "Cấu hình ban đầu", en: "Starting scene" }
    /// Preset: the lesson's worked example.
    PresetWorkedExample {
        vi: "Ví dụ minh hoạ của bài học: 0.5 và 0.51",
        en: "The lesson's worked example: 0.5 vs 0.51",
    }
    /// Preset: one hard negative among easy ones.
    PresetOneHard { vi: "Một mẫu âm khó giữa các mẫu âm dễ (k = 2, m = 4)", en: "One hard negative among easy ones (k = 2, m = 4)" }
    /// Preset: all easy.
    PresetAllEasy { vi: "Mọi mẫu âm đều dễ: L = 0 (k = 3, m = 3)", en: "All negatives easy: L = 0 (k = 3, m = 3)" }
    /// Preset: all hard.
    PresetAllHard { vi: "Mọi mẫu âm đều khó (k = 2, m = 3)", en: "All negatives hard (k = 2, m = 3)" }
    /// Preset label.
    PresetSquaredVsPlain { vi: "Hay nhầm: bình phương hay không bình phương khoảng cách", en: "Confusion: squared vs plain distance" }
    /// Preset label.
    PresetCollapse { vi: "Hay nhầm: sụp đổ — mọi điểm trùng nhau", en: "Confusion: collapse — all points coincide" }
    /// Preset label.
    PresetReductions { vi: "Hay nhầm: tổng, trung bình, trung bình trên số hạng khác 0", en: "Confusion: sum vs mean vs mean over non-zero terms" }
    /// Preset label.
    PresetNegativeClasses { vi: "Hay nhầm: mẫu âm dễ / nửa khó / khó", en: "Confusion: easy / semi-hard / hard negatives" }
    /// Preset label.
    PresetUnitSphere { vi: "Hay nhầm: độ lớn của ngưỡng trên mặt cầu đơn vị", en: "Confusion: margin scale on the unit sphere" }
    /// Preset label.
    PresetSqrtNan { vi: "Hay nhầm: gradient NaN của √ tại khoảng cách 0", en: "Confusion: the NaN gradient of √ at distance 0" }
    /// Preset label.
    PresetCosine { vi: "Hay nhầm: khoảng cách Euclid và cosine khi đã chuẩn hoá", en: "Confusion: Euclidean vs cosine on normalised embeddings" }
    /// Heading of the preset explanation card.
    ExplainHeading { vi: "Điều cần để ý", en: "What to notice" }
    /// Explanation: all easy.
    ExplainAllEasy {
        vi: "Mọi mẫu âm đều ở ngoài ngưỡng nên mọi số hạng bằng 0: L = 0 và gradient bằng 0. Hàm mất mát bằng 0 không có nghĩa là mô hình tốt hơn — chỉ là bộ ba này không dạy thêm gì. Vì vậy khi huấn luyện người ta chọn các bộ ba khó hoặc nửa khó (mining).",
        en: "Every negative is outside the margin, so every term is 0: L = 0 and the gradient is 0. A zero loss does not make the model better — these triplets just teach nothing more. That is why training mines hard or semi-hard triplets.",
    }
    /// Explanation: squared vs plain.
    ExplainSquaredVsPlain {
        vi: "Cùng các điểm, cùng α = 0.2: với bình phương khoảng cách, 1 − 1.3225 + 0.2 < 0 nên N là dễ (L = 0); với khoảng cách thường, 1 − 1.15 + 0.2 = 0.05 > 0 nên vẫn còn mất mát. Ngưỡng đo theo đơn vị của khoảng cách đang dùng; đổi từ ‖·‖² sang ‖·‖ không đơn giản là lấy √0.2, vì √(d_ap + α) ≠ √d_ap + √α. Xem bảng so sánh ba cách đo.",
        en: "Same points, same α = 0.2: with squared distances 1 − 1.3225 + 0.2 < 0, so N is easy (L = 0); with plain distances 1 − 1.15 + 0.2 = 0.05 > 0, so there is still loss. The margin is measured in the units of the distance used; going from ‖·‖² to ‖·‖ is not simply √0.2, because √(d_ap + α) ≠ √d_ap + √α. See the table comparing the three conventions.",
    }
    /// Explanation: collapse.
    ExplainCollapse {
        vi: "Khi mạng ánh xạ mọi ảnh về cùng một điểm (sụp đổ), mọi khoảng cách bằng 0 nên mỗi số hạng bằng max(0, 0 − 0 + α) = α, và tổng là k·m·α. Với α = 0 thì L = 0: mô hình sụp đổ lại có mất mát nhỏ nhất — đây là lý do cần ngưỡng. Thử đặt α = 0.",
        en: "When the network maps every image to one point (collapse), every distance is 0, so each term is max(0, 0 − 0 + α) = α and the sum is k·m·α. With α = 0, L = 0: the collapsed model would have the lowest loss — that is why the margin is needed. Try α = 0.",
    }
    /// Explanation: reductions.
    ExplainReductions {
        vi: "k = 2, m = 4 cho 8 số hạng, chỉ 2 số hạng khác 0. Tổng (công thức của bài học) cộng cả 2; trung bình chia cho 8 nên nhỏ hơn nhiều; trung bình trên số hạng khác 0 chia cho 2. Khi thêm nhiều mẫu dễ, trung bình giảm dần về 0 dù các bộ ba khó vẫn còn — vì thế có thư viện chỉ lấy trung bình trên các số hạng khác 0.",
        en: "k = 2, m = 4 gives 8 terms, only 2 of them non-zero. The sum (the lesson's formula) adds both; the mean divides by 8, so it is much smaller; the mean over non-zero terms divides by 2. Adding easy negatives drags the mean towards 0 even though the hard triplets remain — which is why some libraries average over non-zero terms only.",
    }
    /// Explanation: negative classes.
    ExplainNegativeClasses {
        vi: "d_ap = 0.36. N1: d_an = 0.25 < d_ap (d_an − d_ap < 0) — khó. N2: d_an = 0.49, lớn hơn d_ap nhưng nhỏ hơn d_ap + α = 0.56 — nửa khó, vẫn có mất mát. N3: d_an = 0.81 ≥ 0.56 — dễ, số hạng bằng 0. Dấu của d_an − d_ap tách khó với nửa khó; ngưỡng α tách nửa khó với dễ.",
        en: "d_ap = 0.36. N1: d_an = 0.25 < d_ap (d_an − d_ap < 0) — hard. N2: d_an = 0.49, above d_ap but below d_ap + α = 0.56 — semi-hard, still some loss. N3: d_an = 0.81 ≥ 0.56 — easy, its term is 0. The sign of d_an − d_ap separates hard from semi-hard; the margin α separates semi-hard from easy.",
    }
    /// Explanation: unit sphere.
    ExplainUnitSphere {
        vi: "Trên mặt cầu đơn vị, bình phương khoảng cách nằm trong [0, 4]: N đối diện A cho d_an = 4, lớn nhất có thể. Vì vậy α = 0.2 là một ngưỡng vừa phải (FaceNet dùng 0.2 cho vector đã chuẩn hoá), còn α > 4 thì không bộ ba nào đạt được.",
        en: "On the unit sphere squared distances lie in [0, 4]: N opposite A gives d_an = 4, the largest possible. So α = 0.2 is a moderate margin (FaceNet uses 0.2 on normalised embeddings), and α > 4 could never be met by any triplet.",
    }
    /// Explanation: sqrt NaN.
    ExplainSqrtNan {
        vi: "Với khoảng cách thường ‖A − P‖ và P trùng A, đạo hàm (A − P)/‖A − P‖ = 0/0 = NaN: một bước huấn luyện sẽ làm hỏng mọi trọng số. Ứng dụng dùng đạo hàm con bằng 0 ở đó; PyTorch cộng ε = 10⁻⁶ vào hiệu (‖A − P + ε‖) để mẫu số không bao giờ bằng 0. Với bình phương khoảng cách thì không có vấn đề này: đạo hàm 2(A − P) luôn xác định.",
        en: "With the plain distance ‖A − P‖ and P on top of A, the derivative (A − P)/‖A − P‖ is 0/0 = NaN: one training step would ruin every weight. The app uses the subgradient 0 there; PyTorch adds ε = 10⁻⁶ to the difference (‖A − P + ε‖) so the denominator is never 0. Squared distances avoid the problem: their derivative 2(A − P) is always defined.",
    }
    /// Explanation: cosine.
    ExplainCosine {
        vi: "Với vector đã chuẩn hoá, ‖a − b‖² = 2 − 2·cos(a, b): bình phương khoảng cách Euclid và độ tương đồng cosine chứa cùng thông tin. Ở đây cos(A, P) = 0.8 nên d_ap = 2 − 1.6 = 0.4, và cos(A, N) = 0 nên d_an = 2. Ngưỡng α trên bình phương khoảng cách tương ứng với ngưỡng α/2 trên cosine.",
        en: "For normalised vectors ‖a − b‖² = 2 − 2·cos(a, b): squared Euclidean distance and cosine similarity carry the same information. Here cos(A, P) = 0.8 gives d_ap = 2 − 1.6 = 0.4, and cos(A, N) = 0 gives d_an = 2. A margin α on squared distances is a margin α/2 on cosine similarity.",
    }
    /// Heading of the formula section.
    FormulaHeading { vi: "Công thức toán học Triplet Loss", en: "The triplet loss formula" }
    /// "Where:" before the symbol list.
    Where { vi: "Trong đó:", en: "Where:" }
    /// Symbol A.
    SymbolA { vi: "A là mẫu anchor.", en: "A is the anchor sample." }
    /// Symbol P.
    SymbolP { vi: "P là mẫu positive.", en: "P is the positive sample (the same identity as A)." }
    /// Symbol N.
    SymbolN { vi: "N là mẫu negative.", en: "N is the negative sample (a different identity)." }
    /// Symbol f.
    SymbolF {
        vi: "f là hàm biểu diễn đặc trưng (ví dụ: mạng neural).",
        en: "f is the embedding function (for example a neural network).",
    }
    /// Symbol ‖·‖₂.
    SymbolNorm {
        vi: "‖·‖₂ là chuẩn Euclidean (trong công thức là bình phương khoảng cách).",
        en: "‖·‖₂ is the Euclidean norm (the formula uses squared distances).",
    }
    /// Symbol α.
    SymbolAlpha {
        vi: "α là một ngưỡng (margin) được xác định trước, giúp đảm bảo rằng khoảng cách giữa hình ảnh neo và hình ảnh âm phải lớn hơn khoảng cách giữa hình ảnh neo và hình ảnh dương một cách tối thiểu.",
        en: "α is a margin fixed in advance; it makes sure the anchor–negative distance exceeds the anchor–positive distance by at least a minimum amount.",
    }
    /// How the plot relates to f.
    PlotIsEmbedding {
        vi: "Trên mặt phẳng, mỗi điểm là vector đặc trưng f(·) của một hình ảnh. Ví dụ: so sánh khuôn mặt — A và P là ảnh của cùng một người, N là ảnh của người khác.",
        en: "On the plane, every point is the embedding f(·) of an image. Example: face comparison — A and P are photos of the same person, N is a photo of someone else.",
    }
    /// Live substitution heading.
    LiveFormula { vi: "Thay số trực tiếp", en: "With the current numbers" }
    /// Heading of the worked example explanation.
    WorkedHeading { vi: "Vì sao cần ngưỡng α?", en: "Why the margin α?" }
    /// Worked example: without margin (before the formula).
    WorkedWithout {
        vi: "Giả sử không có α. Mong muốn là ‖f(A) − f(P)‖² ≤ ‖f(A) − f(N)‖², nhưng nếu ‖f(A) − f(P)‖² = 0.5 và ‖f(A) − f(N)‖² = 0.51, thì khi đó:",
        en: "Suppose there is no α. We want ‖f(A) − f(P)‖² ≤ ‖f(A) − f(N)‖², but if ‖f(A) − f(P)‖² = 0.5 and ‖f(A) − f(N)‖² = 0.51, then:",
    }
    /// Worked example: consequence of a zero loss.
    WorkedZeroMeans {
        vi: "Khi hàm mất mát bằng 0, điều này có thể dẫn đến việc mô hình không học được gì nhiều — dù hai khoảng cách gần như bằng nhau.",
        en: "A loss of 0 means the model may learn almost nothing from this triplet, although the two distances are nearly equal.",
    }
    /// Worked example: adding the margin (before the formula).
    WorkedWith { vi: "Vậy khi thêm α = 0.2, kết quả là:", en: "With α = 0.2 the result is:" }
    /// Worked example: consequence of a positive loss.
    WorkedKeepsLearning {
        vi: "Khi đó, mô hình có thể học thêm được: gradient vẫn đẩy N ra xa và kéo P lại gần cho tới khi d_an ≥ d_ap + α.",
        en: "So the model can keep learning: the gradient keeps pushing N away and pulling P closer until d_an ≥ d_ap + α.",
    }
    /// Worked example: invitation to try it.
    WorkedTry {
        vi: "Thử ngay: chọn tình huống \"Ví dụ minh hoạ\", rồi đặt α = 0 và α = 0.2.",
        en: "Try it: choose the \"worked example\" preset, then set α = 0 and α = 0.2.",
    }
    /// Button: apply the worked example with α = 0.
    WorkedShowWithout { vi: "Ví dụ, α = 0", en: "Example, α = 0" }
    /// Button: apply the worked example with α = 0.2.
    WorkedShowWith { vi: "Ví dụ, α = 0.2", en: "Example, α = 0.2" }
    /// Heading of the k×m section.
    MultiHeading {
        vi: "Công thức toán học Triplet Loss với nhiều mẫu Positive và Negatives",
        en: "The triplet loss with several positives and negatives",
    }
    /// k×m intro.
    MultiIntro {
        vi: "Với k mẫu positive và m mẫu negative, công thức được mở rộng thành:",
        en: "With k positive samples and m negative samples the formula extends to:",
    }
    /// k×m symbols.
    MultiSymbols {
        vi: "Trong đó: Pᵢ là các mẫu positive (có k mẫu), Nⱼ là các mẫu negative (có m mẫu).",
        en: "where Pᵢ are the k positives and Nⱼ the m negatives.",
    }
    /// The lesson's question.
    MultiQuestion {
        vi: "Khi có nhiều mẫu positive và negative trong quá trình huấn luyện thì sẽ ảnh hưởng đến hàm loss như thế nào?",
        en: "When there are many positives and negatives during training, how does that affect the loss?",
    }
    /// Answer, positives.
    MultiAnswerPositives {
        vi: "Ví dụ với so sánh khuôn mặt: việc có nhiều hình ảnh positive cho cùng một hình ảnh anchor giúp mô hình có thể học được nhiều đặc điểm khác nhau của cùng một người. Điều này có thể làm cho mô hình trở nên chính xác hơn trong việc nhận diện khuôn mặt, vì nó có thể hiểu rõ hơn về sự biến đổi trong các hình ảnh của cùng một người (ví dụ: khác nhau về ánh sáng, góc chụp, biểu cảm).",
        en: "For face comparison: many positive images for the same anchor let the model learn many different traits of the same person, so it becomes more accurate at recognising faces: it understands how images of one person vary (different lighting, camera angle, facial expression).",
    }
    /// Answer, negatives.
    MultiAnswerNegatives {
        vi: "Tương tự, nếu có nhiều hình ảnh negative, mô hình có thể học được cách phân biệt giữa các khuôn mặt khác nhau một cách hiệu quả hơn.",
        en: "Likewise, many negative images let the model learn to tell different faces apart more effectively.",
    }
    /// Answer, counting terms.
    MultiAnswerTerms {
        vi: "Về mặt công thức: tổng có k·m số hạng, nên tổng hàm mất mát thường tăng khi k và m tăng, còn giá trị trung bình thì không.",
        en: "In the formula: the sum has k·m terms, so the summed loss usually grows with k and m, while the mean does not.",
    }
    /// Heading: sets of points.
    SetsHeading { vi: "Số mẫu positive và negative", en: "Positives and negatives" }
    /// Label of k.
    CountK { vi: "k — số mẫu positive", en: "k — number of positives" }
    /// Label of m.
    CountM { vi: "m — số mẫu negative", en: "m — number of negatives" }
    /// Button: add a positive.
    AddPositive { vi: "+ mẫu positive", en: "+ positive" }
    /// Button: remove the last positive.
    RemovePositive { vi: "− mẫu positive", en: "− positive" }
    /// Button: add a negative.
    AddNegative { vi: "+ mẫu negative", en: "+ negative" }
    /// Button: remove the last negative.
    RemoveNegative { vi: "− mẫu negative", en: "− negative" }
    /// Notice: k or m clamped.
    ErrCountClamped {
        vi: "k và m phải là số nguyên từ 1 đến 64; giá trị đã được đưa về giới hạn gần nhất.",
        en: "k and m are whole numbers from 1 to 64; the value was clamped to the nearest limit.",
    }
    /// Accessible name of a remove button (point name follows).
    RemovePoint { vi: "Xoá điểm", en: "Remove point" }
    /// Label of the dimension switch.
    Dimension { vi: "Không gian", en: "Space" }
    /// 2D option.
    Dim2D { vi: "2D — mặt phẳng", en: "2D — plane" }
    /// 3D option.
    Dim3D { vi: "3D — không gian", en: "3D — space" }
    /// Help for the 3D view.
    OrbitHelp {
        vi: "3D: kéo nền để xoay, cuộn chuột hoặc chụm hai ngón để phóng to; kéo một điểm để di chuyển nó trong mặt phẳng hướng về phía bạn.",
        en: "3D: drag the background to orbit, use the wheel or pinch to zoom; drag a point to move it in the plane facing you.",
    }
    /// Heading of the reductions.
    ReductionsHeading { vi: "Tổng của bài học và các cách rút gọn khác", en: "The lesson's sum and other reductions" }
    /// Reduction: sum.
    ReductionSum { vi: "Tổng Σᵢ Σⱼ (công thức của bài học)", en: "Sum Σᵢ Σⱼ (the lesson's formula)" }
    /// Reduction: mean.
    ReductionMean { vi: "Trung bình trên k·m số hạng (mặc định của PyTorch)", en: "Mean over all k·m terms (PyTorch's default)" }
    /// Reduction: mean over non-zero terms.
    ReductionMeanNonzero { vi: "Trung bình trên các số hạng khác 0", en: "Mean over the non-zero terms" }
    /// Reduction: active count.
    ReductionActive { vi: "Số hạng khác 0 (đang hoạt động)", en: "Active (non-zero) terms" }
    /// Reduction: batch-hard.
    ReductionBatchHard { vi: "Batch-hard: max(0, maxᵢ d_apᵢ − minⱼ d_anⱼ + α)", en: "Batch-hard: max(0, maxᵢ d_apᵢ − minⱼ d_anⱼ + α)" }
    /// Note under the reductions.
    ReductionsNote {
        vi: "Chỉ có tổng là công thức của bài học; các dòng còn lại là lựa chọn của các thư viện để bạn so sánh.",
        en: "Only the sum is the lesson's formula; the other rows are choices libraries make, shown for comparison.",
    }
    /// Badge marking the lesson's formula.
    LessonBadge { vi: "bài học", en: "lesson" }
    /// Heading of the heat map.
    HeatmapHeading { vi: "Bản đồ nhiệt các số hạng", en: "Heat map of the terms" }
    /// Help for the heat map.
    HeatmapHelp {
        vi: "Hàng: Pᵢ, cột: Nⱼ; mỗi ô là max(0, d_apᵢ − d_anⱼ + α). Ô gạch chéo màu xám: số hạng bằng 0. Di chuột hoặc Tab vào một ô để thấy cặp tương ứng trên hình.",
        en: "Rows: Pᵢ, columns: Nⱼ; each cell is max(0, d_apᵢ − d_anⱼ + α). Hatched grey cells are zero. Hover or Tab to a cell to see its pair on the plot.",
    }
    /// Label of the convention select.
    ConventionLabel { vi: "Cách đo khoảng cách", en: "Distance convention" }
    /// Convention: squared.
    ConvSquared { vi: "Bình phương khoảng cách Euclid ‖·‖² (bài học)", en: "Squared Euclidean ‖·‖² (the lesson)" }
    /// Convention: Euclidean.
    ConvEuclidean { vi: "Khoảng cách Euclid ‖·‖ (không bình phương)", en: "Plain Euclidean ‖·‖" }
    /// Convention: PyTorch.
    ConvPyTorch {
        vi: "PyTorch TripletMarginLoss: ‖a − b + ε‖, ε = 10⁻⁶, mặc định lấy trung bình",
        en: "PyTorch TripletMarginLoss: ‖a − b + ε‖, ε = 10⁻⁶, mean by default",
    }
    /// Heading of the side-by-side table.
    ConventionTable { vi: "Cùng các điểm, ba cách đo", en: "The same points, three conventions" }
    /// Column: convention.
    ColConvention { vi: "Cách đo", en: "Convention" }
    /// Column: sum.
    ColSum { vi: "Tổng", en: "Sum" }
    /// Column: mean.
    ColMean { vi: "Trung bình", en: "Mean" }
    /// Column: active.
    ColActive { vi: "Khác 0", en: "Active" }
    /// Note on margins across conventions.
    ConventionNote {
        vi: "Không bình phương thì α có đơn vị khác: α = 0.2 trên ‖·‖ không tương đương α = 0.2 trên ‖·‖², và cũng không đơn giản là √0.2.",
        en: "Without squaring, α lives in different units: α = 0.2 on ‖·‖ is not the same as α = 0.2 on ‖·‖², nor simply √0.2.",
    }
    /// Heading of gradient descent.
    DescentHeading { vi: "Giảm gradient", en: "Gradient descent" }
    /// Toggle arrows.
    ShowArrows { vi: "Hiện mũi tên −∂L/∂x", en: "Show −∂L/∂x arrows" }
    /// Learning rate label.
    LearningRate { vi: "Tốc độ học (learning rate)", en: "Learning rate" }
    /// Notice: learning rate clamped.
    ErrLearningRateClamped {
        vi: "Tốc độ học phải nằm trong khoảng [0, 1]; giá trị đã được đưa về giới hạn gần nhất.",
        en: "The learning rate must lie in [0, 1]; the value was clamped to the nearest limit.",
    }
    /// Button: one step.
    Step { vi: "Một bước", en: "One step" }
    /// Button: play.
    Play { vi: "Chạy", en: "Play" }
    /// Button: pause.
    Pause { vi: "Dừng", en: "Pause" }
    /// Steps taken.
    StepsTaken { vi: "Số bước đã chạy", en: "Steps taken" }
    /// Descent explanation.
    DescentNote {
        vi: "Mũi tên chỉ hướng mỗi điểm di chuyển để giảm L; không có mũi tên khi mọi số hạng bằng 0. Nhấn Chạy: ngưỡng α vẫn tiếp tục đẩy N ra xa ngay cả khi N đã xa A hơn P, cho tới khi d_an ≥ d_ap + α.",
        en: "Arrows show where each point moves to lower L; there are none when every term is 0. Press Play: the margin keeps pushing N away even after it is farther from A than P, until d_an ≥ d_ap + α.",
    }
    /// Toggle unit sphere.
    UnitSphere { vi: "Chuẩn hoá lên đường tròn / mặt cầu đơn vị", en: "Normalise onto the unit circle / sphere" }
    /// Note shown in unit-sphere mode.
    UnitSphereNote {
        vi: "Vector đặc trưng được chuẩn hoá L2 (như các mô hình khuôn mặt): bình phương khoảng cách giữa hai điểm luôn ≤ 4 (khoảng cách ≤ 2), nên α lớn hơn 4 (hoặc lớn hơn 2 với khoảng cách thường) không bao giờ đạt được; ở đây α nằm trong [0, 2].",
        en: "Embeddings are L2-normalised (as face models do): squared distances are at most 4 (distances at most 2), so a margin above 4 (above 2 for plain distances) could never be met; here α stays within [0, 2].",
    }
    /// Live k×m demonstration: label before the counts.
    MultiLiveNow { vi: "Ngay bây giờ", en: "Right now" }
    /// "terms".
    Terms { vi: "số hạng", en: "terms" }
    /// Invitation to add points in the lesson section.
    MultiTry {
        vi: "Thử thêm mẫu positive hoặc negative: số số hạng tăng theo k·m, tổng thường tăng theo, còn trung bình thì không.",
        en: "Try adding positives or negatives: the number of terms grows as k·m, the sum usually grows with it, the mean does not.",
    }
    /// Lead of the notice shown for a malformed link.
    UrlNoticeLead {
        vi: "Liên kết này có phần không hợp lệ; những phần đó đã được thay bằng giá trị mặc định:",
        en: "Parts of this link were not valid and were replaced by defaults:",
    }
    /// Close a notice.
    Dismiss { vi: "Đóng", en: "Dismiss" }
    /// Button: copy the link.
    CopyLink { vi: "Sao chép liên kết", en: "Copy link" }
    /// Status: copied.
    LinkCopied { vi: "Đã sao chép liên kết vào bộ nhớ tạm.", en: "Link copied to the clipboard." }
    /// Status: clipboard unavailable, link shown.
    LinkShown {
        vi: "Liên kết ở ô bên cạnh (chọn và sao chép nếu trình duyệt chặn bộ nhớ tạm).",
        en: "The link is in the field beside (select and copy it if the browser blocks the clipboard).",
    }
    /// Heading of the export panel.
    ExportHeading { vi: "Xuất kết quả", en: "Export" }
    /// Button: PNG of the plot.
    ExportPng { vi: "Tải ảnh PNG của hình", en: "Download the plot as PNG" }
    /// Button: Python snippet.
    ExportPython { vi: "Mã Python tái tạo các số", en: "Python code for these numbers" }
    /// Hint above the snippet.
    ExportPythonHint {
        vi: "Chạy đoạn mã (numpy) để nhận lại đúng các số đang hiển thị; lời gọi PyTorch tương ứng nằm ở phần chú thích.",
        en: "Run it (numpy) to get the numbers shown here; the equivalent PyTorch call is in the comments.",
    }
    /// Button: presentation mode.
    Presentation { vi: "Chế độ trình chiếu", en: "Presentation mode" }
    /// Button: switch to the dark theme.
    ThemeDark { vi: "Giao diện tối", en: "Dark theme" }
    /// Button: switch to the light theme.
    ThemeLight { vi: "Giao diện sáng", en: "Light theme" }
    /// Guided lesson: heading.
    LessonHeading { vi: "Bài học có hướng dẫn", en: "Guided lesson" }
    /// Guided lesson: intro before it starts.
    LessonIntro {
        vi: "Tám bước đi theo bài học: công thức, ví dụ 0.5 và 0.51, ngưỡng trên hình, mẫu âm khó và dễ, nhiều mẫu positive/negative, so sánh khuôn mặt bằng mạng thật, giảm gradient, và huấn luyện mạng có và không có ngưỡng. Dùng nút Tiếp / Quay lại hoặc phím ← →.",
        en: "Eight steps through the lesson: the formula, the 0.5 vs 0.51 example, the margin as geometry, hard and easy negatives, several positives and negatives, comparing faces with a real network, gradient descent, and training the net with and without a margin. Use Next / Back or the ← → keys.",
    }
    /// Button: start / next.
    LessonNext { vi: "Tiếp", en: "Next" }
    /// Button: back.
    LessonPrev { vi: "Quay lại", en: "Back" }
    /// Button: start.
    LessonStart { vi: "Bắt đầu bài học", en: "Start the lesson" }
    /// Progress label ("step").
    LessonStepWord { vi: "Bước", en: "Step" }
    /// Label before the task.
    LessonYourTurn { vi: "Đến lượt bạn:", en: "Your turn:" }
    /// Step 1.
    LessonFormulaTitle { vi: "Công thức Triplet Loss", en: "The triplet loss formula" }
    /// Step 1 body.
    LessonFormulaBody {
        vi: "L(A, P, N) = max(0, ‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α). Mỗi điểm trên hình là vector đặc trưng f(·) của một ảnh: A là mẫu anchor, P là mẫu positive (cùng người), N là mẫu negative (người khác).",
        en: "L(A, P, N) = max(0, ‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α). Every point on the plot is the embedding f(·) of an image: A is the anchor, P the positive (same person), N the negative (someone else).",
    }
    /// Step 1 task.
    LessonFormulaTask { vi: "kéo điểm N và xem d_an và L thay đổi.", en: "drag N and watch d_an and L change." }
    /// Step 1 done.
    LessonFormulaDone { vi: "Đúng vậy: mỗi lần kéo, các số được tính lại ngay.", en: "That's it: every drag recomputes the numbers at once." }
    /// Step 2.
    LessonWorkedTitle { vi: "Ví dụ: 0.5 và 0.51", en: "The example: 0.5 vs 0.51" }
    /// Step 2 body.
    LessonWorkedBody {
        vi: "Ở đây d_ap = 0.5, d_an = 0.51 và chưa có ngưỡng (α = 0): max(0, 0.5 − 0.51) = 0. Khi hàm mất mát bằng 0, mô hình không học được gì nhiều — dù hai khoảng cách gần như bằng nhau.",
        en: "Here d_ap = 0.5, d_an = 0.51 and there is no margin yet (α = 0): max(0, 0.5 − 0.51) = 0. With a zero loss the model learns almost nothing — although the two distances are nearly equal.",
    }
    /// Step 2 task.
    LessonWorkedTask { vi: "đặt α = 0.2 bằng thanh trượt hoặc ô nhập.", en: "set α = 0.2 with the slider or the field." }
    /// Step 2 done.
    LessonWorkedDone { vi: "max(0, 0.5 − 0.51 + 0.2) = 0.19: mô hình có thể học thêm được.", en: "max(0, 0.5 − 0.51 + 0.2) = 0.19: the model can keep learning." }
    /// Step 3.
    LessonHardTitle { vi: "Ngưỡng trên hình: mẫu âm khó", en: "The margin as geometry: hard negatives" }
    /// Step 3 body.
    LessonHardBody {
        vi: "Đường tròn liền có bán kính √d_ap: N ở trong nó thì gần A hơn P — mẫu âm khó. Giữa hai đường tròn là vùng nửa khó: N xa hơn P nhưng vẫn trong ngưỡng.",
        en: "The solid circle has radius √d_ap: a negative inside it is closer to A than P — a hard negative. Between the two circles is the semi-hard band: farther than P but still inside the margin.",
    }
    /// Step 3 task.
    LessonHardTask { vi: "kéo N vào trong đường tròn đỏ.", en: "drag N inside the red circle." }
    /// Step 3 done.
    LessonHardDone { vi: "N giờ là mẫu âm khó: d_an < d_ap, số hạng lớn hơn α.", en: "N is now hard: d_an < d_ap, and its term exceeds α." }
    /// Step 4.
    LessonEasyTitle { vi: "Mẫu âm dễ: L = 0", en: "Easy negatives: L = 0" }
    /// Step 4 body.
    LessonEasyBody {
        vi: "Ngoài đường tròn nét đứt (bán kính √(d_ap + α)), d_an ≥ d_ap + α nên số hạng bằng 0: bộ ba này không còn dạy gì nữa.",
        en: "Outside the dashed circle (radius √(d_ap + α)), d_an ≥ d_ap + α, so the term is 0: this triplet teaches nothing more.",
    }
    /// Step 4 task.
    LessonEasyTask { vi: "kéo N ra ngoài đường tròn nét đứt.", en: "drag N outside the dashed circle." }
    /// Step 4 done.
    LessonEasyDone { vi: "L = 0: N đã xa A hơn P ít nhất một khoảng α.", en: "L = 0: N is farther from A than P by at least α." }
    /// Step 5.
    LessonManyTitle { vi: "Nhiều mẫu positive và negative", en: "Several positives and negatives" }
    /// Step 5 body.
    LessonManyBody {
        vi: "Với k mẫu positive và m mẫu negative, L = Σᵢ Σⱼ max(0, d_apᵢ − d_anⱼ + α) có k·m số hạng (xem bản đồ nhiệt). Bài học hỏi: nhiều mẫu ảnh hưởng đến hàm loss như thế nào?",
        en: "With k positives and m negatives, L = Σᵢ Σⱼ max(0, d_apᵢ − d_anⱼ + α) has k·m terms (see the heat map). The lesson asks: how do many samples affect the loss?",
    }
    /// Step 5 task.
    LessonManyTask { vi: "thêm một mẫu negative và so sánh tổng với trung bình.", en: "add a negative and compare the sum with the mean." }
    /// Step 5 done.
    LessonManyDone {
        vi: "Số số hạng tăng theo k·m. Nhiều mẫu positive giúp học sự biến đổi của cùng một người; nhiều mẫu negative giúp phân biệt người khác nhau.",
        en: "The number of terms grows as k·m. More positives teach how one person varies; more negatives teach telling people apart.",
    }
    /// Step 6: faces.
    LessonFacesTitle { vi: "So sánh khuôn mặt bằng một mạng thật", en: "Comparing faces with a real network" }
    /// Step 6 body.
    LessonFacesBody {
        vi: "Giờ f là một mạng neural thật (mạng tích chập nhỏ) chạy ngay trong trình duyệt. Anchor và positive là cùng một người nhưng khác ánh sáng, góc chụp, biểu cảm; negative là người khác. Mạng cho ‖f(A) − f(P)‖² ≈ 0.50 và ‖f(A) − f(N)‖² ≈ 0.51 — đúng ví dụ của bài học: với α = 0, L = 0 và mô hình không học được gì nhiều.",
        en: "Now f is a real neural network (a small convolutional net) running in your browser. The anchor and the positive are the same person under different lighting, camera angle and expression; the negative is someone else. The net gives ‖f(A) − f(P)‖² ≈ 0.50 and ‖f(A) − f(N)‖² ≈ 0.51 — the lesson's example: with α = 0, L = 0 and the model learns almost nothing.",
    }
    /// Step 6 task.
    LessonFacesTask {
        vi: "trong phần So sánh khuôn mặt, chọn thêm một ảnh khác của cùng người với anchor rồi nhấn «Thêm làm mẫu positive».",
        en: "in the face panel, pick another photo of the anchor's person and press “Add as positive”.",
    }
    /// Step 6 done.
    LessonFacesDone {
        vi: "Ảnh mới thành điểm P2 trên mặt cầu; hàm mất mát giờ có k·m số hạng. Nhiều ảnh của cùng một người dạy mô hình cách một người thay đổi theo ánh sáng, góc chụp, biểu cảm.",
        en: "The new photo is the point P2 on the sphere; the loss now has k·m terms. Many photos of one person teach the model how a person varies with lighting, camera angle and expression.",
    }
    /// Step 7.
    LessonDescentTitle { vi: "Huấn luyện: giảm gradient", en: "Training: gradient descent" }
    /// Step 7 body.
    LessonDescentBody {
        vi: "Huấn luyện di chuyển các vector đặc trưng ngược hướng gradient. Với ngưỡng α, gradient vẫn đẩy N ra xa ngay cả khi N đã xa hơn P — cho tới khi d_an ≥ d_ap + α.",
        en: "Training moves the embeddings against the gradient. With a margin α the gradient keeps pushing N away even after it is farther than P — until d_an ≥ d_ap + α.",
    }
    /// Step 7 task.
    LessonDescentTask { vi: "bật mũi tên −∂L/∂x rồi nhấn Chạy trong phần Giảm gradient.", en: "turn on the −∂L/∂x arrows, then press Play under Gradient descent." }
    /// Step 7 done.
    LessonDescentDone { vi: "L = 0: ngưỡng đã được thoả mãn, mô hình đã học xong bộ ba này.", en: "L = 0: the margin is met; the model has learned this triplet." }
    /// Data table: heading.
    DataTableHeading { vi: "Bảng số liệu", en: "Data table" }
    /// Data table: what it is.
    DataTableIntro {
        vi: "Mọi điểm (toạ độ) và mọi số hạng Pᵢ × Nⱼ (d_ap, d_an, giá trị, có khác 0 không) dưới dạng bảng, cập nhật theo các điểm.",
        en: "Every point (its coordinates) and every Pᵢ × Nⱼ term (d_ap, d_an, its value, whether it is active) as a table, following the points live.",
    }
    /// Data table: show button.
    DataTableShow { vi: "Hiện bảng số liệu", en: "Show the data table" }
    /// Data table: hide button.
    DataTableHide { vi: "Ẩn bảng số liệu", en: "Hide the data table" }
    /// Data table: caption of the points table.
    DataTablePointsCaption { vi: "Các điểm: anchor, mẫu positive và mẫu negative", en: "Points: the anchor, the positives and the negatives" }
    /// Data table: caption of the terms table.
    DataTableTermsCaption {
        vi: "Các số hạng max(0, d_ap − d_an + α) với d_ap = ‖f(A) − f(Pᵢ)‖², d_an = ‖f(A) − f(Nⱼ)‖², mỗi cặp mẫu positive Pᵢ và mẫu negative Nⱼ một dòng",
        en: "The terms max(0, d_ap − d_an + α) with d_ap = ‖f(A) − f(Pᵢ)‖², d_an = ‖f(A) − f(Nⱼ)‖², one row per positive Pᵢ and negative Nⱼ",
    }
    /// Data table: point column.
    DataTablePoint { vi: "Điểm", en: "Point" }
    /// Data table: pair column.
    DataTablePair { vi: "Cặp", en: "Pair" }
    /// Data table: term column.
    DataTableTerm { vi: "Số hạng", en: "Term" }
    /// Data table: an active term.
    DataTableYes { vi: "có", en: "yes" }
    /// Data table: an inactive term.
    DataTableNo { vi: "không", en: "no" }
    /// Step 8.
    LessonTrainTitle { vi: "Huấn luyện mạng: có và không có ngưỡng", en: "Training the net with and without a margin" }
    /// Step 8 body.
    LessonTrainBody {
        vi: "Giờ hãy huấn luyện chính mạng so sánh khuôn mặt, hai lần song song từ cùng trọng số: một lần với α = 0 (màu cam), một lần với α = 0.2 (màu xanh). Với α = 0, mọi bộ ba như ví dụ 0.5 và 0.51 cho max(0, 0.5 − 0.51) = 0: hàm mất mát về 0 rất nhanh và mô hình không học được gì nhiều. Với α = 0.2, cùng bộ ba đó vẫn cho 0.19, nên mô hình có thể học thêm được.",
        en: "Now train the face-comparison net itself, twice side by side from the same weights: once with α = 0 (amber), once with α = 0.2 (blue). With α = 0 every triplet like the 0.5 vs 0.51 example gives max(0, 0.5 − 0.51) = 0: the loss drops to 0 quickly and the model learns nothing much. With α = 0.2 the same triplet still gives 0.19, so the model can keep learning.",
    }
    /// Step 8 task.
    LessonTrainTask {
        vi: "trong phần Huấn luyện mạng ngay trong trình duyệt (so sánh α = 0 và α = 0.2 đã được bật), nhấn Bắt đầu và chờ ít nhất 20 bước; xem hàm mất mát màu cam (α = 0) về 0 trong khi màu xanh (α = 0.2) vẫn tiếp tục học.",
        en: "in “Train the net in your browser” (the α = 0 vs α = 0.2 comparison is on), press Start and let it run at least 20 steps; watch the amber α = 0 loss hit 0 while the blue α = 0.2 run keeps learning.",
    }
    /// Step 8 done.
    LessonTrainDone {
        vi: "Đúng như bài học: với α = 0 hàm mất mát gần như bằng 0 nên gradient gần như không còn, các cụm khuôn mặt dừng tách ra — mô hình không học được gì nhiều. Với α = 0.2 hàm mất mát vẫn lớn hơn 0 (như 0.19 trong ví dụ), các cụm tiếp tục tách xa nhau và độ chính xác trên người giữ riêng tăng — mô hình có thể học thêm được.",
        en: "Just as the lesson says: with α = 0 the loss is (nearly) 0, so there is (nearly) no gradient and the face clusters stop separating — the model learns nothing much. With α = 0.2 the loss stays above 0 (like the example's 0.19), the clusters keep separating and the held-out accuracy rises — the model can keep learning.",
    }
    /// Step 8: live numbers of the comparison (followed by the numbers).
    LessonTrainLive { vi: "Lúc này", en: "Now" }
    /// Step 8: the training panel is not on this page (yet).
    LessonTrainWaiting { vi: "Phần huấn luyện đang chờ tải các khuôn mặt…", en: "The training panel is waiting for the faces to load…" }
    /// Step 8: button that scrolls to the training panel.
    LessonTrainGo { vi: "Tới phần huấn luyện", en: "Go to the training panel" }
    /// Error: not a number.
    ErrNotNumber {
        vi: "Không phải là số — hãy nhập một số như 0.25. Giữ nguyên giá trị trước.",
        en: "Not a number — enter a number such as 0.25. The previous value is kept.",
    }
    /// Error: NaN or infinite.
    ErrNotFinite {
        vi: "Giá trị phải là số hữu hạn (không nhận NaN hay vô cực). Giữ nguyên giá trị trước.",
        en: "The value must be a finite number (NaN and infinity are not allowed). The previous value is kept.",
    }
    /// Notice: coordinate clamped.
    ErrCoordinateClamped {
        vi: "Toạ độ được giới hạn trong khoảng [−2, 2]; giá trị đã được đưa về giới hạn gần nhất.",
        en: "Coordinates are limited to [−2, 2]; the value was clamped to the nearest limit.",
    }
    /// Notice: α clamped.
    ErrAlphaClamped {
        vi: "α phải nằm trong khoảng [0, 2]; giá trị đã được đưa về giới hạn gần nhất.",
        en: "α must lie in [0, 2]; the value was clamped to the nearest limit.",
    }
    /// Banner shown when the app hits an internal error.
    PanicBanner {
        vi: "Đã xảy ra lỗi nội bộ. Hãy tải lại trang; chi tiết:",
        en: "An internal error occurred. Please reload the page; details:",
    }
    /// Footer note on privacy and offline use.
    FooterNote {
        vi: "Mọi phép tính chạy ngay trong trình duyệt của bạn (Rust → WebAssembly SIMD); không có dữ liệu nào rời khỏi máy.",
        en: "Everything is computed in your browser (Rust → WebAssembly SIMD); no data leaves your machine.",
    }
    /// Preset: the worked example on the model's faces.
    PresetWorkedExampleFaces {
        vi: "Ví dụ minh hoạ trên khuôn mặt (mô hình thật): 0.50 và 0.51",
        en: "Worked example on faces (real model outputs): 0.50 vs 0.51",
    }
    /// Explanation: the faces worked example.
    ExplainWorkedExampleFaces {
        vi: "Anchor và positive là cùng một người nhưng khác ánh sáng, góc chụp, biểu cảm; negative là người khác. Mạng biểu diễn đặc trưng f đặt chúng lên mặt cầu đơn vị với ‖f(A) − f(P)‖² ≈ 0.50 và ‖f(A) − f(N)‖² ≈ 0.51 — đúng như ví dụ của bài học. Không có ngưỡng (α = 0): L = max(0, −0.01) = 0, mô hình không học được gì nhiều dù hai người gần như cách đều A. Với α = 0.2: L = 0.19, mô hình có thể học thêm được. Bộ ba này được chọn trong mọi khuôn mặt có sẵn, sau khi huấn luyện và một bước tinh chỉnh ngắn (calibration), là bộ ba khớp với hai con số của bài học (xem docs/net.md).",
        en: "The anchor and the positive are the same person under different lighting, camera angle and expression; the negative is someone else. The embedding net f puts them on the unit sphere with ‖f(A) − f(P)‖² ≈ 0.50 and ‖f(A) − f(N)‖² ≈ 0.51 — exactly the lesson's example. Without a margin (α = 0): L = max(0, −0.01) = 0, so the model learns almost nothing although the two people are nearly equally far from A. With α = 0.2: L = 0.19 and the model can keep learning. The triplet was found among all bundled faces after training plus a short calibration fine-tune, as one matching the lesson's two numbers (see docs/net.md).",
    }
    /// Heading of the faces panel.
    FacesHeading { vi: "So sánh khuôn mặt: ảnh thật qua mạng biểu diễn đặc trưng", en: "Face comparison: real images through the embedding net" }
    /// How to use the faces panel.
    FacesIntro {
        vi: "Chọn một khuôn mặt rồi chọn vai trò của nó: mẫu anchor, mẫu positive (cùng người) hay mẫu negative (người khác). Vector đặc trưng f(ảnh) của nó hiện thành điểm trên mặt cầu đơn vị trong hình 3D, và hàm mất mát tính ngay trên các điểm đó.",
        en: "Pick a face, then its role: anchor, positive (same person) or negative (someone else). Its embedding f(image) appears as a point on the unit sphere in the 3D view, and the loss is computed on those points at once.",
    }
    /// Shown while the atlas and weights load.
    FacesLoading { vi: "Đang tải ảnh khuôn mặt và trọng số của mạng…", en: "Loading the face thumbnails and the net's weights…" }
    /// Shown while the net computes every embedding.
    FacesEmbedding { vi: "Đang tính vector đặc trưng của mọi khuôn mặt…", en: "Computing every face's embedding…" }
    /// Prefix of a load error in the faces panel.
    FacesLoadError { vi: "Không tải được dữ liệu khuôn mặt, phần còn lại của ứng dụng vẫn hoạt động. Chi tiết:", en: "The face data could not be loaded; the rest of the app keeps working. Details:" }
    /// Button: retry loading.
    FacesRetry { vi: "Thử lại", en: "Try again" }
    /// Label of the gallery.
    FacesGallery { vi: "Bộ sưu tập khuôn mặt (mỗi hàng là một người)", en: "Face gallery (one row per person)" }
    /// Marker of a held-out identity.
    FacesHeldOut { vi: "không dùng khi huấn luyện", en: "held out from training" }
    /// Selected face caption prefix.
    FacesSelected { vi: "Khuôn mặt đang chọn:", en: "Selected face:" }
    /// No face selected yet.
    FacesNoneSelected { vi: "Chưa chọn khuôn mặt nào — nhấn vào một ảnh.", en: "No face selected yet — click a thumbnail." }
    /// Role button: anchor.
    FacesRoleAnchor { vi: "Làm mẫu anchor (A)", en: "Use as anchor (A)" }
    /// Role button: positive.
    FacesRolePositive { vi: "Thêm làm mẫu positive (P)", en: "Add as positive (P)" }
    /// Role button: negative.
    FacesRoleNegative { vi: "Thêm làm mẫu negative (N)", en: "Add as negative (N)" }
    /// Notice: the set is full.
    FacesSetFull { vi: "Đã đủ 64 điểm trong nhóm này; hãy xoá bớt một điểm trước.", en: "This set already has 64 points; remove one first." }
    /// Warning: positive of another identity.
    FacesNotSamePerson { vi: "Lưu ý: ảnh này là người khác với anchor, nên về nghĩa nó là mẫu negative.", en: "Note: this face is a different person from the anchor, so by meaning it is a negative." }
    /// Warning: negative of the same identity.
    FacesSamePerson { vi: "Lưu ý: ảnh này là cùng người với anchor, nên về nghĩa nó là mẫu positive.", en: "Note: this face is the same person as the anchor, so by meaning it is a positive." }
    /// Toggle: show every face as a faint point.
    FacesShowAll { vi: "Hiện mọi khuôn mặt thành điểm mờ (thấy các cụm theo người)", en: "Show every face as a faint point (see each person's cluster)" }
    /// Lighting label in a face's description.
    FacesLighting { vi: "ánh sáng", en: "lighting" }
    /// Pose label in a face's description.
    FacesPose { vi: "góc chụp", en: "camera angle" }
    /// Expression label in a face's description.
    FacesExpression { vi: "biểu cảm", en: "expression" }
    /// Smile amount.
    FacesSmile { vi: "cười", en: "smile" }
    /// Eye openness.
    FacesEyes { vi: "mắt mở", en: "eyes open" }
    /// Backend readout label.
    BackendLabel { vi: "Bộ xử lý của mạng", en: "Net backend" }
    /// Backend readout: not decided yet.
    BackendStarting { vi: "đang khởi động…", en: "starting…" }
    /// Time of the last forward pass.
    BackendForwardTime { vi: "lần chạy mạng gần nhất", en: "last forward pass" }
    /// Notice: running on the CPU because WebGPU failed.
    BackendFallback {
        vi: "WebGPU không dùng được, nên mạng chạy trên CPU (kết quả giống hệt, chỉ chậm hơn). Lý do:",
        en: "WebGPU is not usable, so the net runs on the CPU (the same numbers, only slower). Reason:",
    }
    /// Label: how many faces the net embedded.
    FacesCount { vi: "khuôn mặt", en: "faces" }
    /// Heading of the user-photos section.
    PhotosHeading { vi: "Ảnh của bạn", en: "Your photos" }
    /// Privacy note of the user-photos section.
    PhotosPrivacy {
        vi: "Ảnh của bạn không bao giờ rời khỏi trình duyệt này: không tải lên máy chủ nào và cũng không được lưu lại (tải lại trang là ảnh biến mất).",
        en: "Your photos never leave this browser: nothing is uploaded anywhere and nothing is stored (reloading the page forgets them).",
    }
    /// How user photos join the data.
    PhotosRule {
        vi: "Đặt tên cho người trong ảnh; các ảnh cùng tên là cùng một người. Người có từ 2 ảnh trở lên được dùng khi huấn luyện; người chỉ có 1 ảnh thì không dùng khi huấn luyện (chỉ dùng để đánh giá).",
        en: "Name the person in each photo; photos with the same name are the same person. People with 2 or more photos are trained on; a person with a single photo is held out from training (used only for evaluation).",
    }
    /// File picker label.
    PhotosPick { vi: "Chọn ảnh từ máy…", en: "Choose images…" }
    /// Drop zone text.
    PhotosDrop { vi: "…hoặc kéo thả ảnh vào đây", en: "…or drop images here" }
    /// Webcam start button.
    PhotosWebcam { vi: "Dùng webcam", en: "Use the webcam" }
    /// Webcam capture button.
    PhotosCapture { vi: "Chụp ảnh", en: "Take the photo" }
    /// Webcam stop button.
    PhotosWebcamStop { vi: "Tắt webcam", en: "Turn the webcam off" }
    /// Webcam permission refused.
    PhotosWebcamDenied {
        vi: "Không dùng được webcam: quyền truy cập camera bị từ chối. Bạn vẫn có thể chọn ảnh từ máy.",
        en: "The webcam cannot be used: camera access was denied. You can still choose images from your device.",
    }
    /// No webcam in this browser or context.
    PhotosWebcamUnavailable {
        vi: "Không có webcam để dùng (không tìm thấy camera, hoặc trang không chạy qua HTTPS). Bạn vẫn có thể chọn ảnh từ máy.",
        en: "No webcam is available (no camera was found, or the page is not served over HTTPS). You can still choose images from your device.",
    }
    /// Crop preview caption.
    PhotosPreview { vi: "Vùng cắt (trái) và ảnh thu nhỏ 48×48 mà mạng nhìn thấy (phải)", en: "The crop (left) and the 48×48 thumbnail the net sees (right)" }
    /// Crop zoom slider.
    PhotosZoom { vi: "Phóng to", en: "Zoom" }
    /// Crop horizontal offset slider.
    PhotosOffsetX { vi: "Dịch trái–phải", en: "Move left–right" }
    /// Crop vertical offset slider.
    PhotosOffsetY { vi: "Dịch lên–xuống", en: "Move up–down" }
    /// Name field label.
    PhotosName { vi: "Tên người trong ảnh", en: "Name of the person" }
    /// Add button.
    PhotosAdd { vi: "Thêm vào bộ sưu tập", en: "Add to the gallery" }
    /// Discard the pending photo.
    PhotosDiscard { vi: "Bỏ ảnh này", en: "Discard this image" }
    /// How many files wait after the one shown.
    PhotosWaiting { vi: "ảnh nữa đang chờ", en: "more waiting" }
    /// Heading of the added photos list.
    PhotosList { vi: "Ảnh đã thêm", en: "Added photos" }
    /// Remove button of an added photo.
    PhotosRemove { vi: "Xoá", en: "Remove" }
    /// Tag of a user person in the gallery.
    PhotosYours { vi: "ảnh của bạn", en: "your photos" }
    /// A user person who is trained on.
    PhotosTrains { vi: "dùng khi huấn luyện", en: "trained on" }
    /// Waiting for the faces before photos can be added.
    PhotosWaitModel { vi: "Chờ tải xong mạng để thêm ảnh…", en: "Waiting for the net to load before photos can be added…" }
    /// Error: empty file.
    PhotoErrEmpty { vi: "Tệp rỗng (0 byte), không có ảnh nào trong đó.", en: "The file is empty (0 bytes); there is no image in it." }
    /// Error: file too large (sizes follow).
    PhotoErrTooLarge { vi: "Tệp quá lớn:", en: "The file is too large:" }
    /// Error: not an image.
    PhotoErrNotImage { vi: "Tệp này không phải là ảnh", en: "This file is not an image" }
    /// Error: unsupported image type.
    PhotoErrUnsupported { vi: "Định dạng ảnh này không được hỗ trợ", en: "This image type is not supported" }
    /// The formats that are read (after an unsupported type).
    PhotoErrUseFormats { vi: "hãy dùng PNG, JPEG, GIF, WebP, BMP hoặc AVIF.", en: "use PNG, JPEG, GIF, WebP, BMP or AVIF." }
    /// Error: decoding failed.
    PhotoErrDecode { vi: "Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ.", en: "The image could not be read: the file is damaged or incomplete." }
    /// Error: unusable dimensions (size follows).
    PhotoErrDimensions { vi: "Kích thước ảnh không dùng được:", en: "Unusable image size:" }
    /// Error: internal pixel count mismatch.
    PhotoErrPixels { vi: "Dữ liệu điểm ảnh không khớp kích thước ảnh.", en: "The pixel data does not match the image size." }
    /// Error: empty name.
    PhotoErrNameEmpty { vi: "Hãy nhập tên người trong ảnh.", en: "Enter the name of the person in the photo." }
    /// Error: name too long (counts follow).
    PhotoErrNameTooLong { vi: "Tên quá dài:", en: "The name is too long:" }
    /// Error: too many photos (limit follows).
    PhotoErrTooMany { vi: "Đã đủ số ảnh tối đa:", en: "The photo list is full:" }
    /// Unit: characters.
    PhotoChars { vi: "ký tự", en: "characters" }
    /// Word between a value and its limit.
    PhotoLimit { vi: "giới hạn", en: "limit" }
    /// Training panel: heading.
    TrainHeading { vi: "Huấn luyện mạng ngay trong trình duyệt", en: "Train the net in your browser" }
    /// Training panel: what it does.
    TrainIntro {
        vi: "Mạng nhỏ được huấn luyện ngay trên máy của bạn (trên WebGPU nếu máy có GPU thật, nếu không thì trên CPU bằng WebAssembly; đổi ở mục “Thiết bị huấn luyện”) bằng ảnh của 18 người; 6 người còn lại được giữ riêng để đo độ chính xác. Cùng hạt giống (seed) và cùng thiết lập thì cho cùng đường cong.",
        en: "The small net trains right here on your machine (on WebGPU when there is a real GPU, otherwise on the CPU with WebAssembly; see “Train on”) on the pictures of 18 people; the other 6 are kept apart to measure accuracy. The same seed and settings give the same curves.",
    }
    /// Training panel: waiting for the faces.
    TrainWaiting { vi: "Đang chờ tải các khuôn mặt…", en: "Waiting for the faces to load…" }
    /// Button: start training.
    TrainStart { vi: "Bắt đầu", en: "Start" }
    /// Button: pause training.
    TrainPause { vi: "Tạm dừng", en: "Pause" }
    /// Button: one training step.
    TrainStep { vi: "Một bước", en: "One step" }
    /// Button: back to step 0.
    TrainReset { vi: "Đặt lại", en: "Reset" }
    /// Toggle: compare α = 0 with α = 0.2.
    TrainCompare {
        vi: "So sánh α = 0 với α = 0.2 (hai lần chạy song song, cùng trọng số ban đầu)",
        en: "Compare α = 0 with α = 0.2 (two runs side by side, same start)",
    }
    /// Field: the margin of a single run.
    TrainAlpha { vi: "Ngưỡng (margin) α", en: "Margin α" }
    /// Field: mining strategy.
    TrainMining { vi: "Chọn bộ ba (mining)", en: "Triplet mining" }
    /// Mining option: batch-all.
    TrainMiningAll { vi: "mọi bộ ba (batch-all)", en: "batch-all" }
    /// Mining option: batch-hard.
    TrainMiningHard { vi: "khó nhất (batch-hard)", en: "batch-hard" }
    /// Mining option: semi-hard.
    TrainMiningSemi { vi: "nửa khó (semi-hard)", en: "semi-hard" }
    /// Field: batch size.
    TrainBatch { vi: "Kích thước lô (batch)", en: "Batch size" }
    /// Field: learning rate.
    TrainLearningRate { vi: "Tốc độ học (learning rate)", en: "Learning rate" }
    /// Field: optimizer.
    TrainOptimizer { vi: "Bộ tối ưu", en: "Optimizer" }
    /// Optimizer option: SGD with momentum.
    TrainSgd { vi: "SGD có momentum 0.9", en: "SGD with momentum 0.9" }
    /// Field: random seed.
    TrainSeed { vi: "Hạt giống ngẫu nhiên (seed)", en: "Random seed" }
    /// Field: start weights.
    TrainStartWeights { vi: "Trọng số ban đầu", en: "Start weights" }
    /// Start option: fresh seeded weights.
    TrainFresh { vi: "ngẫu nhiên mới (theo seed)", en: "fresh (from the seed)" }
    /// Start option: collapsed weights.
    TrainCollapsed { vi: "sụp đổ: mọi khuôn mặt gần một điểm", en: "collapsed: every face near one point" }
    /// Note under the settings.
    TrainSettingsNote {
        vi: "Đổi một thiết lập sẽ bắt đầu lại từ bước 0. Mỗi lần bấm Bắt đầu chạy tối đa 200 bước.",
        en: "Changing a setting starts again from step 0. Each Start runs at most 200 steps.",
    }
    /// Readout: step counter.
    TrainStepLabel { vi: "Bước", en: "Step" }
    /// Readout column: the run.
    TrainRun { vi: "Lần chạy", en: "Run" }
    /// Readout column: the loss.
    TrainLossLabel { vi: "Hàm mất mát", en: "Loss" }
    /// Readout column: the fraction of active triplets.
    TrainActiveLabel { vi: "Bộ ba khác 0", en: "Active triplets" }
    /// Readout column: held-out accuracy.
    TrainAccuracyLabel { vi: "Độ chính xác (người giữ riêng)", en: "Held-out accuracy" }
    /// Unit of the training speed.
    TrainRate { vi: "bước/giây", en: "steps/s" }
    /// Chart panel: loss.
    TrainChartLoss { vi: "Hàm mất mát của lô", en: "Batch loss" }
    /// Chart panel: fraction of active triplets.
    TrainChartActive { vi: "Tỉ lệ bộ ba khác 0", en: "Fraction of active triplets" }
    /// Chart panel: held-out verification accuracy.
    TrainChartAccuracy { vi: "Độ chính xác so sánh khuôn mặt", en: "Verification accuracy" }
    /// Chart x axis.
    TrainChartStep { vi: "bước", en: "step" }
    /// Accessible name of the chart.
    TrainChartLabel {
        vi: "Đường cong huấn luyện: hàm mất mát, tỉ lệ bộ ba khác 0 và độ chính xác trên người giữ riêng theo từng bước",
        en: "Training curves: loss, fraction of active triplets and held-out accuracy per step",
    }
    /// Caption of the spheres.
    TrainSphereCaption {
        vi: "Vector đặc trưng của mọi khuôn mặt trên mặt cầu đơn vị, mỗi người một màu",
        en: "Every face's embedding on the unit sphere, one colour per person",
    }
    /// Explanation heading.
    TrainExplainHeading { vi: "Điều gì đang xảy ra?", en: "What is happening?" }
    /// Explanation: α = 0.
    TrainExplainZero {
        vi: "Với α = 0 (màu cam), một bộ ba không còn đóng góp gì ngay khi mẫu negative chỉ xa hơn mẫu positive một chút — như ví dụ trong bài: ‖f(A) − f(P)‖² = 0.5, ‖f(A) − f(N)‖² = 0.51 cho max(0, 0.5 − 0.51) = 0. Hàm mất mát về 0 chỉ sau vài bước, số bộ ba khác 0 ít dần, và mô hình không học được gì nhiều: không có gì đẩy những người khác nhau ra xa, nên các cụm vẫn sát nhau (thường dồn cả vào một góc nhỏ của mặt cầu) và độ chính xác dừng tăng.",
        en: "With α = 0 (amber) a triplet stops counting as soon as the negative is even slightly farther than the positive — the lesson's example: ‖f(A) − f(P)‖² = 0.5, ‖f(A) − f(N)‖² = 0.51 gives max(0, 0.5 − 0.51) = 0. The loss drops to 0 within a few steps, the active triplets thin out, and the model learns nothing much: nothing pushes different people apart, so their clusters stay barely apart (often all crowded into one small patch of the sphere) and the accuracy stalls.",
    }
    /// Explanation: α = 0.2.
    TrainExplainMargin {
        vi: "Với α = 0.2 (màu xanh), cùng bộ ba đó vẫn có mất mát max(0, 0.5 − 0.51 + 0.2) = 0.19, nên mô hình có thể học thêm được: hàm mất mát còn lớn hơn 0, các cụm tiếp tục tách xa nhau và độ chính xác trên những người giữ riêng tiếp tục tăng.",
        en: "With α = 0.2 (blue) the same triplet still costs max(0, 0.5 − 0.51 + 0.2) = 0.19, so the model can keep learning: the loss stays above 0, the clusters keep separating and the accuracy on the held-out people keeps rising.",
    }
    /// Explanation: the collapsed start.
    TrainExplainCollapse {
        vi: "Khởi đầu “sụp đổ” đưa mọi khuôn mặt về gần một điểm: mọi khoảng cách ≈ 0 nên hàm mất mát ≈ α — bằng 0 khi α = 0 (không có gì để học), bằng 0.2 khi có ngưỡng, và chỉ khi đó mô hình mới thoát ra được.",
        en: "The collapsed start maps every face to nearly one point: every distance is ≈ 0, so the loss is ≈ α — 0 with α = 0 (nothing to learn), 0.2 with the margin, and only then does the model find its way out.",
    }
    /// Training stopped on an error.
    TrainError { vi: "Huấn luyện dừng vì lỗi:", en: "Training stopped because of an error:" }
    /// Training backend readout label.
    TrainBackendLabel { vi: "Huấn luyện trên", en: "Training on" }
    /// Label of the picker of where training runs.
    TrainDeviceLabel { vi: "Thiết bị huấn luyện", en: "Train on" }
    /// Training device: automatic.
    TrainDeviceAuto { vi: "Tự động", en: "Automatic" }
    /// Training device: WebGPU.
    TrainDeviceWebGpu { vi: "WebGPU", en: "WebGPU" }
    /// Training device: the CPU.
    TrainDeviceCpu { vi: "CPU (WebAssembly)", en: "CPU (WebAssembly)" }
    /// Hint: the automatic choice trains on the CPU because WebGPU is emulated.
    TrainSoftwareGpu {
        vi: "WebGPU ở đây chỉ là GPU giả lập bằng phần mềm (chậm hơn CPU), nên việc huấn luyện chạy trên CPU. Chọn “WebGPU” để thử trên GPU giả lập.",
        en: "WebGPU here is a software emulation of a GPU (slower than the CPU), so training runs on the CPU. Pick “WebGPU” to train on the emulated GPU anyway.",
    }
    /// Notice: the GPU failed during training, which goes on on the CPU.
    TrainGpuFallback {
        vi: "GPU gặp lỗi trong lúc huấn luyện, nên việc huấn luyện tiếp tục trên CPU từ đúng bước hiện tại, với cùng trọng số (không mất gì). Lý do:",
        en: "The GPU failed during training, so training goes on on the CPU from the same step, with the same weights (nothing is lost). Reason:",
    }
}
