using System.Text;

namespace CivicGrid.Data.Seed;

/// <summary>A resident-written case description and the leaf a person would file it under.</summary>
public sealed record ResidentText(string CategoryCode, string Text);

/// <summary>
/// Deterministic generator of resident-written Chinese case descriptions per catalog leaf: openers × places ×
/// times × the leaf's colloquial problems and details × complaints, with colloquial synonyms swapped in.
/// The same seed gives the same texts, so demo data, tests and benchmarks agree.
/// </summary>
public static class DemoCasesCorpus
{
    private static readonly string[] Openers =
    [
        "", "", "", "你好，", "您好，", "我要反映一下，", "麻烦管一管，", "投诉：", "反映个情况，", "请问有人管吗？", "再次反映，", "紧急！",
    ];

    private static readonly string[] Places =
    [
        "", "小区门口", "楼下", "我家楼下", "3号楼东侧", "5号楼单元门口", "青年路和朝阳路交叉口", "菜市场旁边", "学校门口", "公交站附近",
        "地铁站B口", "社区服务站对面", "幼儿园旁边", "东坝中街", "南门外", "公园北门", "超市后面", "医院门口", "老旧小区里", "平房区胡同里",
        "商业街上", "小学东边的路上", "桥底下", "十字路口", "8号院里", "农贸市场门口",
    ];

    private static readonly string[] Times = ["", "", "", "这两天", "最近", "从上周开始", "今天早上", "昨天晚上", "每天晚上", "一直以来", "刚才"];

    private static readonly string[] Complaints =
    [
        "", "", "希望尽快处理", "请相关部门管一管", "投诉好几次了都没人管", "麻烦派人来看看", "谢谢", "希望早点解决", "请尽快处理，谢谢！",
        "已经好久了", "影响大家正常生活",
    ];

    private static readonly (string From, string[] To)[] Synonyms =
    [
        ("电动车", ["电瓶车", "小电驴", "电动自行车"]),
        ("马路", ["大街", "路上", "道路"]),
        ("小区", ["院里", "家属院", "社区"]),
        ("人行道", ["便道", "人行步道"]),
        ("晚上", ["夜里", "晚间"]),
        ("特别", ["非常", "贼", "超级"]),
        ("好几天", ["好些天", "三四天"]),
        ("垃圾", ["垃圾", "废弃物"]),
        ("太", ["太", "实在太"]),
    ];

    private static readonly Lazy<IReadOnlyList<Leaf>> LeafList = new(Parse);

    private sealed record Leaf(string Code, string[] Problems, string[] Details);

    /// <summary>The leaf codes the corpus covers (every leaf of the starter catalog).</summary>
    public static IReadOnlyList<string> Codes => LeafList.Value.Select(l => l.Code).ToList();

    /// <summary><paramref name="perLeaf"/> texts for every leaf, in leaf order, from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<ResidentText> Generate(int perLeaf, int seed = 20260101)
    {
        var random = new Random(seed);
        var texts = new List<ResidentText>(perLeaf * LeafList.Value.Count);
        foreach (var leaf in LeafList.Value)
        {
            for (var i = 0; i < perLeaf; i++)
            {
                texts.Add(new ResidentText(leaf.Code, Compose(leaf, random)));
            }
        }

        return texts;
    }

    /// <summary>One text for the leaf, drawn from <paramref name="random"/>.</summary>
    public static string Describe(string code, Random random)
    {
        var leaf = LeafList.Value.FirstOrDefault(l => l.Code == code) ?? LeafList.Value[^1];
        return Compose(leaf, random);
    }

    private static string Compose(Leaf leaf, Random random)
    {
        var s = new StringBuilder();
        s.Append(Pick(Openers, random));
        var time = Pick(Times, random);
        var place = Pick(Places, random);
        var problem = Pick(leaf.Problems, random);
        if (random.Next(2) == 0)
        {
            s.Append(time).Append(place).Append(problem);
        }
        else
        {
            s.Append(place).Append(time).Append(problem);
        }

        if (random.Next(3) > 0)
        {
            s.Append('，').Append(Pick(leaf.Details, random));
        }

        if (random.Next(5) == 0 && leaf.Problems.Length > 1)
        {
            s.Append("，还有").Append(Pick(leaf.Problems, random));
        }

        var complaint = Pick(Complaints, random);
        s.Append(complaint.Length > 0 ? "，" + complaint : "");
        if (s[^1] is not ('！' or '？' or '。'))
        {
            s.Append(random.Next(3) == 0 ? "！" : "。");
        }

        return Colloquial(s.ToString(), random);
    }

    private static string Colloquial(string text, Random random)
    {
        foreach (var (from, to) in Synonyms)
        {
            if (text.Contains(from, StringComparison.Ordinal) && random.Next(3) == 0)
            {
                text = text.Replace(from, Pick(to, random), StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];

    private static List<Leaf> Parse() =>
        DemoCasesPhrases.Leaves.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Select(p => new Leaf(p[0], p[1].Split(';'), p[2].Split(';')))
            .ToList();
}
