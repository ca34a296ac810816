using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Organization;

/// <summary>Create (Id null) or update a person. A blank phone on update keeps the stored one (lists only show it masked).</summary>
public sealed record SavePersonRequest(int? Id, string? Name, int? UnitId, string? Post = null, string? Phone = null, string? IdNumber = null, bool IsActive = true);

public sealed class SavePerson(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Person>> HandleAsync(AccessScope scope, SavePersonRequest request, CancellationToken ct = default)
    {
        var problems = Validate(request);
        if (problems.Count > 0)
        {
            return Outcome<Person>.Invalid(problems);
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (unit is null || !scope.CanReadUnit(unit.Id, unit.RegionCode))
        {
            return Outcome<Person>.Invalid("unitId", "所属单位不存在或不在您的管辖范围内。");
        }

        if (!scope.CanManageUnit(unit.RegionCode))
        {
            return Outcome<Person>.Forbidden("您只能管理本辖区内单位的人员。");
        }

        Person? person;
        if (request.Id is { } id)
        {
            person = await db.People.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (person is null || !scope.CanReadUnit(person.UnitId, person.Unit!.RegionCode))
            {
                return Outcome<Person>.NotFound($"人员 {id} 不存在或不在您的管辖范围内。");
            }

            if (!scope.CanManageUnit(person.Unit.RegionCode))
            {
                return Outcome<Person>.Forbidden("您只能管理本辖区内单位的人员。");
            }
        }
        else
        {
            person = new Person { Name = "" };
            db.People.Add(person);
        }

        person.Name = request.Name!.Trim();
        person.UnitId = unit.Id;
        person.Post = string.IsNullOrWhiteSpace(request.Post) ? null : request.Post.Trim();
        if (!string.IsNullOrWhiteSpace(request.Phone) || request.Id is null)
        {
            person.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        }

        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            person.IdNumber = request.IdNumber.Trim().ToUpperInvariant();
        }

        person.IsActive = request.IsActive;
        person.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return request.Id is null ? Outcome<Person>.Created(person) : Outcome<Person>.Ok(person);
    }

    public static List<Problem> Validate(SavePersonRequest request)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 50)
        {
            problems.Add(new("name", "姓名必填，且不超过 50 个字符。"));
        }

        if (request.UnitId is null)
        {
            problems.Add(new("unitId", "所属单位必填。"));
        }

        if (!string.IsNullOrWhiteSpace(request.Phone) && !PersonalData.IsPhone(request.Phone.Trim()))
        {
            problems.Add(new("phone", "电话号码格式不正确（手机 11 位，或座机如 010-69990000）。"));
        }

        if (!string.IsNullOrWhiteSpace(request.IdNumber) && !IdNumbers.IsValid(request.IdNumber.Trim()))
        {
            problems.Add(new("idNumber", "身份证号码无效（18 位，校验码不符）。"));
        }

        if (request.Post?.Length > 50)
        {
            problems.Add(new("post", "职务不超过 50 个字符。"));
        }

        return problems;
    }
}
