using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Grid;
using CivicGrid.Organization;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Standards;

/// <summary>
/// A point as entered: by form, API or Excel row. <c>Line</c> is “经度,纬度;经度,纬度;…” for a street; without it
/// <c>Lon</c>/<c>Lat</c> give the place. An empty <c>Code</c> on create is numbered in the category (NMSC-0031).
/// </summary>
public sealed record SavePointRequest(
    string? Code, string? Name, string? CategoryCode, double? Lon, double? Lat, string? Line = null, string? Address = null,
    string? ResponsibleUnitCode = null, string? ResponsiblePerson = null, string? ContactPhone = null, string? Status = null,
    int? Version = null);

/// <summary>Creates a point (<c>existingCode</c> null) or changes one; the code is printed on signs and never changes.</summary>
public sealed class SavePoint(AppDbContext db, RegionLocator locator, TimeProvider clock)
{
    public async Task<Outcome<InspectionPoint>> HandleAsync(AccessScope scope, string? existingCode, SavePointRequest request, CancellationToken ct = default)
    {
        if (!PointAccess.ManagesAny(scope))
        {
            return Outcome<InspectionPoint>.Forbidden("只有系统管理员和镇街、村居管理员可以维护点位。");
        }

        InspectionPoint? point = null;
        if (existingCode is not null)
        {
            var key = PointCodes.Normalize(existingCode);
            point = await db.Set<InspectionPoint>().FirstOrDefaultAsync(p => p.Code == key, ct);
            if (point is null || !PointAccess.CanRead(scope, point))
            {
                return Outcome<InspectionPoint>.NotFound($"点位 {existingCode} 不存在或不在您的管辖范围内。");
            }

            if (!PointAccess.CanManage(scope, point.RegionCode))
            {
                return Outcome<InspectionPoint>.Forbidden("您只能维护本辖区内的点位。");
            }

            if (!string.IsNullOrWhiteSpace(request.Code) && !string.Equals(request.Code.Trim(), point.Code, StringComparison.OrdinalIgnoreCase))
            {
                return Outcome<InspectionPoint>.Invalid("code", "点位编码印在亮牌二维码上，不能修改；如需新编码请新建点位并停用原点位。");
            }

            if (request.Version is { } version && version != point.Version)
            {
                return Outcome<InspectionPoint>.Conflict("该点位已被他人修改，请刷新后重试。");
            }
        }

        var problems = Validate(request, out var status);
        if (problems.Count > 0)
        {
            return Outcome<InspectionPoint>.Invalid(problems);
        }

        var lookups = await PointLookups.LoadAsync(db, [request], ct);
        var (resolved, resolveProblems) = await lookups.ResolveAsync(scope, request, locator, ct);
        if (resolved is null)
        {
            var forbidden = resolveProblems.FirstOrDefault(p => p.Where == PointLookups.ScopeProblem);
            return forbidden is not null ? Outcome<InspectionPoint>.Forbidden(forbidden.Message) : Outcome<InspectionPoint>.Invalid(resolveProblems);
        }

        if (point is null)
        {
            var code = string.IsNullOrWhiteSpace(request.Code)
                ? FormatCode(resolved.Category, await MaxNumberAsync(db, resolved.Category, ct) + 1)
                : PointCodes.Normalize(request.Code);
            if (await db.Set<InspectionPoint>().AnyAsync(p => p.Code == code, ct))
            {
                return Outcome<InspectionPoint>.Invalid("code", $"点位编码“{code}”已存在。");
            }

            point = new InspectionPoint { Code = code, Name = "", DistrictCode = "", RegionCode = "" };
            db.Add(point);
        }

        resolved.ApplyTo(point, status!.Value, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<InspectionPoint>.Conflict("该点位已被他人修改，请刷新后重试。");
        }
        catch (DbUpdateException)
        {
            // Two creates numbered the same code at once; the unique index kept one.
            return Outcome<InspectionPoint>.Conflict($"点位编码“{point.Code}”刚被占用，请重试。");
        }

        return existingCode is null ? Outcome<InspectionPoint>.Created(point) : Outcome<InspectionPoint>.Ok(point);
    }

    /// <summary>Checks what needs no database: lengths and formats, in Chinese.</summary>
    public static List<Problem> Validate(SavePointRequest request, out PointStatus? status)
    {
        var problems = new List<Problem>();
        if (!string.IsNullOrWhiteSpace(request.Code) && !PointCodes.IsValid(request.Code))
        {
            problems.Add(new("code", $"点位编码“{request.Code}”格式不正确：只能用字母、数字和连字符，不超过 32 个字符（如 NMSC-0001）。"));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            problems.Add(new("name", "点位名称必填，且不超过 100 个字符。"));
        }

        if (string.IsNullOrWhiteSpace(request.CategoryCode))
        {
            problems.Add(new("categoryCode", "点位类别必填。"));
        }

        if (string.IsNullOrWhiteSpace(request.ResponsibleUnitCode))
        {
            problems.Add(new("responsibleUnitCode", "责任单位必填（填写单位编码）。"));
        }

        if (request.ResponsiblePerson?.Trim().Length > 50)
        {
            problems.Add(new("responsiblePerson", "责任人姓名不超过 50 个字符。"));
        }

        if (!string.IsNullOrWhiteSpace(request.ContactPhone) && !PersonalData.IsPhone(request.ContactPhone.Trim()))
        {
            problems.Add(new("contactPhone", $"联系电话“{request.ContactPhone}”格式不正确（手机号 11 位，或如 010-69990000 的固定电话）。"));
        }

        if (request.Address?.Trim().Length > 200)
        {
            problems.Add(new("address", "地址不超过 200 个字符。"));
        }

        status = PointStatuses.Parse(request.Status);
        if (status is null)
        {
            problems.Add(new("status", $"状态“{request.Status}”无效，应为“启用”或“停用”。"));
        }

        return problems;
    }

    /// <summary>A numbered code of a category: its code, a hyphen and a 4-digit number (NMSC-0031).</summary>
    internal static string FormatCode(PointCategory category, int number) =>
        category.Code + "-" + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The highest number among the category's numbered codes, 0 when none.</summary>
    internal static async Task<int> MaxNumberAsync(AppDbContext db, PointCategory category, CancellationToken ct)
    {
        var prefix = category.Code + "-";
        var codes = await db.Set<InspectionPoint>().Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        return codes.Select(c => int.TryParse(c[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
    }
}

/// <summary>A point input checked against the database: its category, unit, shape and grid cell.</summary>
internal sealed record ResolvedPoint(
    string Name, PointCategory Category, PointGeometry.Shape Shape, string RegionCode, string DistrictCode, Unit Unit,
    string? Person, string? Phone, string? Address)
{
    public void ApplyTo(InspectionPoint point, PointStatus status, DateTimeOffset now)
    {
        point.Name = Name;
        point.CategoryId = Category.Id;
        point.RegionCode = RegionCode;
        point.DistrictCode = DistrictCode;
        point.Lon = Shape.Lon;
        point.Lat = Shape.Lat;
        point.GeometryWkb = Shape.Geometry.AsBinary();
        point.ResponsibleUnitId = Unit.Id;
        point.ResponsiblePerson = Person;
        point.ContactPhone = Phone;
        point.Address = Address;
        point.Status = status;
        point.UpdatedAt = now;
        point.Version++;
    }
}

/// <summary>Categories and units needed to resolve a batch of point inputs, loaded once.</summary>
internal sealed class PointLookups(IReadOnlyDictionary<string, PointCategory> categories, IReadOnlyDictionary<string, Unit> units)
{
    /// <summary>Marks the problem of an input outside the caller's area (a 403, not a 400, for a single save).</summary>
    public const string ScopeProblem = "scope";

    public IReadOnlyDictionary<string, PointCategory> Categories => categories;

    public static async Task<PointLookups> LoadAsync(AppDbContext db, IEnumerable<SavePointRequest> requests, CancellationToken ct)
    {
        var unitCodes = requests.Select(r => r.ResponsibleUnitCode?.Trim()).OfType<string>().Distinct().ToList();
        var categories = await db.Set<PointCategory>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive && unitCodes.Contains(u.Code)).ToListAsync(ct);
        return new PointLookups(
            categories.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase),
            units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase));
    }

    public PointCategory? Category(string? codeOrName) =>
        codeOrName is null ? null
        : categories.TryGetValue(codeOrName.Trim(), out var c) ? c
        : categories.Values.FirstOrDefault(c => c.Name == codeOrName.Trim());

    public async Task<(ResolvedPoint? Point, List<Problem> Problems)> ResolveAsync(
        AccessScope scope, SavePointRequest request, RegionLocator locator, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var category = Category(request.CategoryCode);
        if (category is null)
        {
            problems.Add(new("categoryCode", $"点位类别“{request.CategoryCode}”不存在或已停用。"));
        }

        var unitCode = request.ResponsibleUnitCode?.Trim() ?? "";
        if (!units.TryGetValue(unitCode, out var unit))
        {
            problems.Add(new("responsibleUnitCode", $"责任单位“{unitCode}”不存在或已停用。"));
        }
        else if (!scope.CanReadUnit(unit.Id, unit.RegionCode))
        {
            problems.Add(new("responsibleUnitCode", $"责任单位“{unitCode}”不在您的管辖范围内。"));
        }

        var shape = PointGeometry.Build(category?.Shape ?? PointShape.Point, request.Lon, request.Lat, request.Line, out var shapeProblem);
        if (shapeProblem is not null)
        {
            problems.Add(new("lon", shapeProblem));
        }

        LocatedRegion? located = null;
        if (shape is not null)
        {
            located = await locator.LocateAsync(shape.Lon, shape.Lat, ct);
            if (located is null)
            {
                problems.Add(new("lon", $"位置（{shape.Lon}, {shape.Lat}）不在任何单元网格内，请核对经纬度。"));
            }
            else if (!PointAccess.CanManage(scope, located.Cell.Code))
            {
                problems.Add(new(ScopeProblem, $"位置（{shape.Lon}, {shape.Lat}）位于{string.Join("", located.Path.Skip(1).Take(2).Select(r => r.Name))}，不在您的管辖范围内。"));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var phone = request.ContactPhone?.Trim();
        return (new ResolvedPoint(request.Name!.Trim(), category!, shape!, located!.Cell.Code, located.Path[0].Code, unit!,
            Blank(request.ResponsiblePerson), string.IsNullOrEmpty(phone) ? null : phone, Blank(request.Address)), problems);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
