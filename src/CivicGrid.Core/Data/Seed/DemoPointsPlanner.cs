using System.Globalization;
using CivicGrid.Grid;
using CivicGrid.Standards;
using NetTopologySuite.Geometries;

namespace CivicGrid.Data.Seed;

/// <summary>
/// Plans the demo district's ~600 inspection points in 10 categories, deterministically: streets on a road lattice
/// (主次干道 between cross streets, bus stops at the crossings), and places named after their 镇街 and 村居, each
/// put inside the region it is named after.
/// </summary>
internal sealed class DemoPointsPlanner
{
    public sealed record Town(string Code, string Name, string OfficeCode, IReadOnlyList<Community> Communities)
    {
        public bool IsStreet => Name.EndsWith("街道", StringComparison.Ordinal);

        /// <summary>东坝镇 → 东坝, 青云街道 → 青云, 杨镇 → 杨镇.</summary>
        public string Stem => Name.Length <= 2 ? Name : Name.EndsWith("街道", StringComparison.Ordinal) ? Name[..^2] : Name[..^1];
    }

    public sealed record Community(string Code, string Name, double Lon, double Lat)
    {
        public bool IsVillage => Name.EndsWith('村');

        /// <summary>翠湖里社区 → 翠湖里, 东各庄村 → 东各庄.</summary>
        public string Stem => Name.EndsWith("社区", StringComparison.Ordinal) ? Name[..^2] : Name[..^1];
    }

    public sealed record Planned(string CategoryCode, string Name, double Lon, double Lat, LineString? Line, string UnitCode, string? Address);

    private static readonly string[] EastWestRoads = ["望京大街", "青云路", "金盏路", "孙河大街", "顺平路", "天北路", "潞苑大街"];

    private static readonly string[] NorthSouthRoads =
        ["东坝街", "北皋路", "黄港街", "崔各庄路", "楼梓庄街", "沙河路", "宋庄街", "马驹路", "西集街", "杨镇路", "南彩街", "枣园路", "龙湾街", "高丽营路"];

    private const double FirstNorthSouthLon = 116.475, NorthSouthStep = 0.025, FirstEastWestLat = 40.02, EastWestStep = 0.035;

    private readonly IReadOnlyList<Town> _towns;
    private readonly GridIndex _cells;
    private readonly Random _random = new(20260520);
    private readonly List<Planned> _points = [];
    private readonly HashSet<string> _names = [];

    public DemoPointsPlanner(IReadOnlyList<Town> towns, GridIndex cells)
    {
        _towns = towns;
        _cells = cells;
    }

    public List<Planned> Plan()
    {
        MainRoads(60);
        BackStreets(100);
        Markets(30);
        Squares(20);
        Parks(25);
        Hospitals(20);
        Schools(75);
        BusStops(120);
        Communities(100);
        Toilets(50);
        return _points;
    }

    private IEnumerable<Community> AllCommunities => _towns.SelectMany(t => t.Communities);

    private Town TownOf(string cellCode) => _towns.First(t => cellCode.StartsWith(t.Code, StringComparison.Ordinal));

    private static double EastWestLat(int j) => FirstEastWestLat + (j * EastWestStep);

    private static double NorthSouthLon(int i) => FirstNorthSouthLon + (i * NorthSouthStep);

    /// <summary>主次干道: segments of the lattice roads between two cross streets, “望京大街(东坝街-北皋路)”.</summary>
    private void MainRoads(int count)
    {
        var segments = new List<(string Name, Coordinate From, Coordinate To)>();
        for (var j = 0; j < EastWestRoads.Length; j++)
        {
            for (var i = 0; i + 1 < NorthSouthRoads.Length; i++)
            {
                segments.Add(($"{EastWestRoads[j]}({NorthSouthRoads[i]}-{NorthSouthRoads[i + 1]})",
                    new Coordinate(NorthSouthLon(i), EastWestLat(j)), new Coordinate(NorthSouthLon(i + 1), EastWestLat(j))));
            }
        }

        for (var i = 0; i < NorthSouthRoads.Length; i++)
        {
            for (var j = 0; j + 1 < EastWestRoads.Length; j++)
            {
                segments.Add(($"{NorthSouthRoads[i]}({EastWestRoads[j]}-{EastWestRoads[j + 1]})",
                    new Coordinate(NorthSouthLon(i), EastWestLat(j)), new Coordinate(NorthSouthLon(i), EastWestLat(j + 1))));
            }
        }

        var step = (double)segments.Count / count;
        for (var k = 0; k < count; k++)
        {
            var (name, from, to) = segments[(int)(k * step)];
            AddLine("ZCGD", name, [from, to], town => town.OfficeCode, address: null);
        }
    }

    /// <summary>背街小巷: short lanes through a 村居, “翠湖里东巷”, “东各庄村后街”.</summary>
    private void BackStreets(int count)
    {
        string[] villageLanes = ["前街", "后街", "中心街", "东街", "西街", "南街", "北街", "胡同"];
        string[] communityLanes = ["东巷", "西巷", "南巷", "北巷", "东侧路", "西侧路", "胡同", "支路"];
        var communities = Spread(AllCommunities.ToList(), count);
        foreach (var c in communities)
        {
            var lanes = c.IsVillage ? villageLanes : communityLanes;
            var name = Unique((c.IsVillage ? c.Name : c.Stem) + lanes[_random.Next(lanes.Length)]);
            var half = 0.0012 + (_random.NextDouble() * 0.0012);
            var horizontal = _random.Next(2) == 0;
            Coordinate[] line = horizontal
                ? [new(c.Lon - half, c.Lat), new(c.Lon + half, c.Lat)]
                : [new(c.Lon, c.Lat - half), new(c.Lon, c.Lat + half)];
            AddLine("BJXX", name, line, _ => "C" + c.Code, TownOf(c.Code).Name + c.Name);
        }
    }

    private void Markets(int count)
    {
        foreach (var town in _towns)
        {
            AddPlace("NMSC", town.IsStreet ? town.Name + "便民菜市场" : town.Name + "农贸市场", town, Pick(town), "S" + town.Code);
        }

        foreach (var village in Spread(AllCommunities.Where(c => c.IsVillage).ToList(), count - _towns.Count))
        {
            var town = TownOf(village.Code);
            AddPlace("NMSC", village.Name + "集贸市场", town, village, "S" + town.Code);
        }
    }

    private void Squares(int count)
    {
        foreach (var town in Spread(_towns.ToList(), count))
        {
            AddPlace("GGGC", town.Stem + (town.IsStreet ? "市民广场" : "文化广场"), town, Pick(town), "S" + town.Code);
        }
    }

    private void Parks(int count)
    {
        foreach (var town in Spread(_towns.ToList(), count))
        {
            var community = Pick(town);
            var name = town.IsStreet ? community.Stem + "公园" : town.Stem + "郊野公园";
            AddPlace("GY", name, town, community, "D07");
        }
    }

    private void Hospitals(int count)
    {
        string[] district = ["示例区人民医院", "示例区中医医院", "示例区妇幼保健院", "示例区第二医院"];
        var towns = Spread(_towns.ToList(), count);
        for (var i = 0; i < towns.Count; i++)
        {
            var town = towns[i];
            var name = i < district.Length ? district[i] : town.Name + "社区卫生服务中心";
            AddPlace("YY", name, town, Pick(town), "D11");
        }
    }

    private void Schools(int count)
    {
        var n = 0;
        foreach (var town in _towns)
        {
            var a = Pick(town);
            var b = Pick(town);
            var c = Pick(town);
            AddPlace("ZXXX", town.Name + "中心小学", town, a, "D12");
            AddPlace("ZXXX", town.Stem + "中学", town, b, "D12");
            AddPlace("ZXXX", Unique(c.Stem + (c.IsVillage ? "小学" : "实验学校")), town, c, "D12");
            n += 3;
            if (n >= count)
            {
                break;
            }
        }
    }

    /// <summary>Bus stops just east of the lattice crossings (“望京大街东坝街口东”) and at 村居 centres.</summary>
    private void BusStops(int count)
    {
        var crossings = new List<(string Name, double Lon, double Lat)>();
        for (var j = 0; j < EastWestRoads.Length; j++)
        {
            for (var i = 0; i < NorthSouthRoads.Length; i++)
            {
                crossings.Add(($"{EastWestRoads[j]}{NorthSouthRoads[i]}口东", NorthSouthLon(i) + 0.0009, EastWestLat(j) + 0.0001));
            }
        }

        var atCrossings = Spread(crossings, count * 3 / 4);
        foreach (var (name, lon, lat) in atCrossings)
        {
            if (_cells.Locate(lon, lat) is not null)
            {
                Add("GJZD", Unique(name), lon, lat, null, "D03", null);
            }
        }

        foreach (var c in Spread(AllCommunities.ToList(), count - _points.Count(p => p.CategoryCode == "GJZD")))
        {
            AddPlace("GJZD", c.Name + "站", TownOf(c.Code), c, "D03");
        }
    }

    private void Communities(int count)
    {
        string[] estates = ["家园", "花园", "新苑", "嘉园", "雅苑"];
        foreach (var c in Spread(AllCommunities.ToList(), count))
        {
            var name = c.IsVillage ? c.Stem + estates[_random.Next(estates.Length)] + "小区" : c.Name;
            AddPlace("SQXQ", name, TownOf(c.Code), c, "C" + c.Code);
        }
    }

    private void Toilets(int count)
    {
        foreach (var c in Spread(AllCommunities.Reverse().ToList(), count))
        {
            AddPlace("GCCS", c.IsVillage ? c.Name + "公厕" : c.Stem + "公共厕所", TownOf(c.Code), c, "D02");
        }
    }

    private void AddPlace(string category, string name, Town town, Community near, string unitCode)
    {
        // A little off the centre of the 村居, but never out of it.
        var lon = near.Lon + ((_random.NextDouble() - 0.5) * 0.003);
        var lat = near.Lat + ((_random.NextDouble() - 0.5) * 0.002);
        if (_cells.Locate(lon, lat) is not { } cell || !cell.StartsWith(near.Code, StringComparison.Ordinal))
        {
            (lon, lat) = (near.Lon, near.Lat);
        }

        Add(category, Unique(name), lon, lat, null, unitCode, town.Name + near.Name);
    }

    private void AddLine(string category, string name, Coordinate[] coordinates, Func<Town, string> unit, string? address)
    {
        var line = GridGeometry.Factory.CreateLineString(coordinates.Select(c => new Coordinate(Math.Round(c.X, 6), Math.Round(c.Y, 6))).ToArray());
        var middle = new NetTopologySuite.LinearReferencing.LengthIndexedLine(line).ExtractPoint(line.Length / 2);
        if (_cells.Locate(middle.X, middle.Y) is not { } cell)
        {
            return;
        }

        Add(category, Unique(name), middle.X, middle.Y, line, unit(TownOf(cell)), address);
    }

    private void Add(string category, string name, double lon, double lat, LineString? line, string unitCode, string? address) =>
        _points.Add(new Planned(category, name, Math.Round(lon, 6), Math.Round(lat, 6), line, unitCode, address));

    private Community Pick(Town town) => town.Communities[_random.Next(town.Communities.Count)];

    private string Unique(string name)
    {
        if (_names.Add(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var numbered = name + i.ToString(CultureInfo.InvariantCulture);
            if (_names.Add(numbered))
            {
                return numbered;
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> items spread evenly over the list (deterministic).</summary>
    private static List<T> Spread<T>(IReadOnlyList<T> items, int count)
    {
        if (count >= items.Count)
        {
            return items.ToList();
        }

        var step = (double)items.Count / count;
        return Enumerable.Range(0, count).Select(k => items[(int)(k * step)]).ToList();
    }
}
