using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Inspections;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Tests.Inspections;

/// <summary>
/// Plans make tasks on working days, an inspection's failures become exactly one case each (even when submitted twice),
/// submitted records stay as they are, and each role sees and does only what it may. The clock stands at
/// 2026-09-30 10:00 (Wednesday before 国庆).
/// </summary>
public abstract class InspectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_daily_and_a_weekly_plan_make_their_tasks_on_working_days_across_national_day()
    {
        var inspector = await app.ClientAs("inspector");
        var points = (await inspector.GetJson("/api/v1/points?categoryCode=GY&pageSize=2")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("code").GetString()!).ToList();
        var daily = await CreatePlanAsync(inspector, "daily", points);
        var weekly = await CreatePlanAsync(inspector, "weekly", points);

        var made = await Generate(inspector, daily);
        Assert.Equal(12, made.GetProperty("routine").GetInt32());
        Assert.Equal(4, (await Generate(inspector, weekly)).GetProperty("routine").GetInt32());
        Assert.Equal(0, (await Generate(inspector, daily)).GetProperty("routine").GetInt32());

        var dailyTasks = (await inspector.GetJson($"/api/v1/inspection-tasks?planId={daily}")).EnumerateArray().ToList();
        // 9-28 … 9-30, then 国庆 (10-1 … 10-7 off), 10-8, 10-9 and the make-up Saturday 10-10; never Sunday 10-11.
        Assert.Equal(["2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10"],
            dailyTasks.Select(t => t.GetProperty("scheduledDate").GetString()!).Distinct().Order().ToArray());
        Assert.All(dailyTasks.GroupBy(t => t.GetProperty("scheduledDate").GetString()), g => Assert.Equal(2, g.Count()));
        Assert.All(dailyTasks, t => Assert.Equal(t.GetProperty("scheduledDate").GetString(), t.GetProperty("dueDate").GetString()));
        Assert.All(dailyTasks, t => Assert.Equal(
            t.GetProperty("scheduledDate").GetString() is "2026-09-28" or "2026-09-29", t.GetProperty("overdue").GetBoolean()));

        var weeklyTasks = (await inspector.GetJson($"/api/v1/inspection-tasks?planId={weekly}")).EnumerateArray().ToList();
        Assert.Equal(["2026-09-28>2026-09-30", "2026-10-08>2026-10-10"], weeklyTasks
            .Select(t => t.GetProperty("scheduledDate").GetString() + ">" + t.GetProperty("dueDate").GetString()).Distinct().Order().ToArray());

        foreach (var user in new[] { "street01", "handler.cg" })
        {
            var client = await app.ClientAs(user);
            var response = await client.Post("/api/v1/inspection-plans", PlanBody("daily", points));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/inspection-plans/{daily}/generate?from=2026-09-28&to=2026-09-30", null, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_failed_item_becomes_exactly_one_case_of_the_standards_category_for_the_responsible_unit_even_when_submitted_twice()
    {
        var inspector = await app.ClientAs("inspector");
        var dispatcher = await app.ClientAs("dispatcher");
        var (task, checklist) = await TodaysTaskAsync(inspector);
        var failing = checklist.First(s => s.GetProperty("observation").GetString() == "passFail");
        var photo = await UploadPhotoAsync(inspector);
        var point = PointOf(task);
        var body = Body(task, checklist, failing.GetProperty("code").GetString()!, photo, Guid.NewGuid().ToString());

        var noPhoto = await inspector.Post("/api/v1/inspections", Body(task, checklist, failing.GetProperty("code").GetString()!, null, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, noPhoto.StatusCode);
        Assert.Contains("须拍照", await noPhoto.Content.ReadAsStringAsync(Ct));

        var casesBefore = (await dispatcher.GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32();
        var first = await inspector.Post("/api/v1/inspections", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await inspector.Post("/api/v1/inspections", body);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var record = await first.Json();
        Assert.Equal(record.GetProperty("id").GetInt64(), (await second.Json()).GetProperty("id").GetInt64());
        Assert.Equal(casesBefore + 1, (await dispatcher.GetJson("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32());

        Assert.Equal(1, record.GetProperty("failedItems").GetInt32());
        Assert.True(record.GetProperty("scoreRate").GetDouble() < 1);
        var item = record.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("result").GetString() == "fail");
        var caseId = item.GetProperty("caseId").GetInt64();
        var c = await dispatcher.GetJson($"/api/v1/cases/{caseId}");
        var category = failing.GetProperty("caseCategoryCode").GetString()!;
        Assert.Equal(category, c.GetProperty("categoryCode").GetString());
        var resolved = await dispatcher.GetJson($"/api/v1/responsibility/resolve?categoryCode={category}&regionCode={c.GetProperty("regionCode").GetString()}");
        Assert.Equal(resolved.GetProperty("lead").GetProperty("code").GetString(),
            c.GetProperty("responsibleUnits")[0].GetProperty("code").GetString());
        Assert.Equal("Dispatched", c.GetProperty("status").GetString());
        Assert.Contains(photo, c.ToString());

        var shown = await inspector.GetJson($"/api/v1/points/{point}");
        Assert.Equal(1, shown.GetProperty("latestInspection").GetProperty("failedItems").GetInt32());
        var done = (await inspector.GetJson($"/api/v1/inspection-tasks/{task.GetProperty("id").GetInt64()}")).GetProperty("task");
        Assert.Equal("done", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_submitted_record_cannot_be_changed_only_corrected_by_a_new_record()
    {
        var inspector = await app.ClientAs("inspector");
        var (task, checklist) = await TodaysTaskAsync(inspector);
        var created = await inspector.Post("/api/v1/inspections", Body(task, checklist, null, null, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Conflict, (await inspector.Put($"/api/v1/inspections/{id}", new { note = "改一下" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.DeleteAsync($"/api/v1/inspections/{id}", Ct)).StatusCode);
        var resident = await app.ClientAs("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Put($"/api/v1/inspections/{id}", new { note = "改一下" })).StatusCode);
        var again = await inspector.Post("/api/v1/inspections", Body(task, checklist, null, null, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var correction = Body(task, checklist, null, null, Guid.NewGuid().ToString()) with { TaskId = null, PointCode = PointOf(task), CorrectsId = id };
        var corrected = await inspector.Post("/api/v1/inspections", correction);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var original = await inspector.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal((await corrected.Json()).GetProperty("id").GetInt64(), original.GetProperty("correctedById").GetInt64());
        Assert.Equal(0, original.GetProperty("failedItems").GetInt32());
    }

    [Fact]
    public async Task Town_admins_and_department_handlers_see_only_their_part_and_cannot_inspect()
    {
        var inspector = await app.ClientAs("inspector");
        var street = await app.ClientAs("street01");
        var handler = await app.ClientAs("handler.cg");
        var all = (await inspector.GetJson("/api/v1/inspection-tasks?date=2026-09-30")).EnumerateArray().ToList();
        Assert.NotEmpty(all);
        var streetTasks = (await street.GetJson("/api/v1/inspection-tasks?date=2026-09-30")).EnumerateArray().ToList();
        Assert.All(streetTasks, t => Assert.StartsWith("110199001", t.GetProperty("regionCode").GetString()));
        Assert.Equal(all.Count(t => t.GetProperty("regionCode").GetString()!.StartsWith("110199001", StringComparison.Ordinal)), streetTasks.Count);

        var (task, checklist) = await TodaysTaskAsync(inspector);
        foreach (var client in new[] { street, handler })
        {
            var denied = await client.Post("/api/v1/inspections", Body(task, checklist, null, null, Guid.NewGuid().ToString()));
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var id = (await (await inspector.Post("/api/v1/inspections", Body(task, checklist, null, null, Guid.NewGuid().ToString()))).Json()).GetProperty("id").GetInt64();
        var point = await inspector.GetJson($"/api/v1/points/{PointOf(task)}");
        var inStreet = task.GetProperty("regionCode").GetString()!.StartsWith("110199001", StringComparison.Ordinal);
        Assert.Equal(inStreet ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await street.Get($"/api/v1/inspections/{id}")).StatusCode);
        var cityManagement = point.GetProperty("responsibleUnit").GetProperty("name").GetString() == "区城市管理局";
        Assert.Equal(cityManagement ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await handler.Get($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.Put($"/api/v1/inspections/{id}", new { })).StatusCode);
        var handlerResults = (await handler.GetJson("/api/v1/inspections/results?groupBy=unit")).EnumerateArray().ToList();
        Assert.All(handlerResults, r => Assert.Equal("区城市管理局", r.GetProperty("name").GetString()));

        var streetResults = (await street.GetJson("/api/v1/inspections/results?groupBy=region")).EnumerateArray().ToList();
        Assert.All(streetResults, r => Assert.Equal("110199001", r.GetProperty("key").GetString()));
        var byCategory = (await inspector.GetJson("/api/v1/inspections/results?groupBy=category&from=2026-09-30&to=2026-09-30")).EnumerateArray().ToList();
        Assert.True(byCategory.Sum(r => r.GetProperty("inspections").GetInt32()) >= 1);
        var xlsx = await inspector.Get("/api/v1/inspections/results.xlsx?groupBy=unit");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task Inspectors_read_everywhere_town_admins_their_town_and_handlers_their_units_points_and_nobody_edits_a_record()
    {
        var inspector = await app.ClientAs("inspector");
        var street = await app.ClientAs("street01");
        var handler = await app.ClientAs("handler.cg");
        var admin = await app.ClientAs("admin");

        // Three points: one in street01's town, two in the next town of which one 城管 (handler.cg's unit) answers for.
        var ownTown = await PointWhereAsync(admin, "/api/v1/points?categoryCode=SQXQ&regionCode=110199001&pageSize=20", unit => unit != "D01");
        var otherElsewhere = await PointWhereAsync(admin, "/api/v1/points?categoryCode=SQXQ&regionCode=110199002&pageSize=20", unit => unit != "D01");
        var near = await admin.GetJson($"/api/v1/points/{otherElsewhere}");
        var city = await admin.Post("/api/v1/points", new
        {
            name = "城管督查测试点位" + Guid.NewGuid().ToString("N")[..6],
            categoryCode = "SQXQ",
            lon = near.GetProperty("lon").GetDouble(),
            lat = near.GetProperty("lat").GetDouble(),
            responsibleUnitCode = "D01",
        });
        Assert.True(city.StatusCode == HttpStatusCode.Created, await city.Content.ReadAsStringAsync(Ct));
        var cityPoint = await city.Json();
        var cityElsewhere = cityPoint.GetProperty("code").GetString()!;
        Assert.StartsWith("110199002", cityPoint.GetProperty("regionCode").GetString());
        var plan = await CreatePlanAsync(inspector, "daily", [ownTown, cityElsewhere, otherElsewhere]);
        var generated = await inspector.PostAsync($"/api/v1/inspection-plans/{plan}/generate?from=2026-09-30&to=2026-09-30", null, Ct);
        Assert.Equal(3, (await generated.Json()).GetProperty("routine").GetInt32());

        var tasks = (await inspector.GetJson($"/api/v1/inspection-tasks?planId={plan}")).EnumerateArray().ToDictionary(PointOf);
        Assert.Equal(3, tasks.Count);
        Assert.Equal([ownTown], (await street.GetJson($"/api/v1/inspection-tasks?planId={plan}")).EnumerateArray().Select(PointOf).ToArray());
        Assert.Equal([cityElsewhere], (await handler.GetJson($"/api/v1/inspection-tasks?planId={plan}")).EnumerateArray().Select(PointOf).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/inspection-tasks/{tasks[otherElsewhere].GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.Get($"/api/v1/inspection-tasks/{tasks[ownTown].GetProperty("id").GetInt64()}")).StatusCode);

        var records = new Dictionary<string, long>();
        foreach (var (code, task) in tasks)
        {
            var checklist = (await inspector.GetJson($"/api/v1/inspection-tasks/{task.GetProperty("id").GetInt64()}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("standard")).ToList();

            // Only an inspector (or the task's assignee) records an inspection, even of a point in one's own area.
            var own = code == ownTown ? street : code == cityElsewhere ? handler : null;
            if (own is not null)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await own.Post("/api/v1/inspections", Body(task, checklist, null, null, Guid.NewGuid().ToString()))).StatusCode);
            }

            var created = await inspector.Post("/api/v1/inspections", Body(task, checklist, null, null, Guid.NewGuid().ToString()));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            records[code] = (await created.Json()).GetProperty("id").GetInt64();
        }

        // 督查员: reads every record of the district; nobody changes one once submitted.
        foreach (var id in records.Values)
        {
            Assert.Equal(HttpStatusCode.OK, (await inspector.Get($"/api/v1/inspections/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await inspector.Put($"/api/v1/inspections/{id}", new { note = "改一下" })).StatusCode);
        }

        // 镇街管理员: his town's record only; another town's is neither readable nor changeable.
        Assert.Equal(HttpStatusCode.OK, (await street.Get($"/api/v1/inspections/{records[ownTown]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await street.Put($"/api/v1/inspections/{records[ownTown]}", new { note = "改一下" })).StatusCode);
        foreach (var foreign in new[] { cityElsewhere, otherElsewhere })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/inspections/{records[foreign]}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await street.Put($"/api/v1/inspections/{records[foreign]}", new { note = "越权修改" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await street.DeleteAsync($"/api/v1/inspections/{records[foreign]}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await street.Get($"/api/v1/points/{foreign}")).StatusCode);
        }

        var streetPoints = (await street.GetJson("/api/v1/inspections/results?groupBy=point&from=2026-09-30&to=2026-09-30")).EnumerateArray()
            .Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.Contains(ownTown, streetPoints);
        Assert.DoesNotContain(otherElsewhere, streetPoints);
        Assert.DoesNotContain(cityElsewhere, streetPoints);

        // 部门办理人: the records of the points his unit answers for, wherever they are; nothing else.
        Assert.Equal(HttpStatusCode.OK, (await handler.Get($"/api/v1/inspections/{records[cityElsewhere]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await handler.Put($"/api/v1/inspections/{records[cityElsewhere]}", new { note = "改一下" })).StatusCode);
        foreach (var foreign in new[] { ownTown, otherElsewhere })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await handler.Get($"/api/v1/inspections/{records[foreign]}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await handler.Put($"/api/v1/inspections/{records[foreign]}", new { note = "越权修改" })).StatusCode);
        }

        var handlerPoints = (await handler.GetJson("/api/v1/inspections/results?groupBy=point&from=2026-09-30&to=2026-09-30")).EnumerateArray()
            .Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.Contains(cityElsewhere, handlerPoints);
        Assert.DoesNotContain(ownTown, handlerPoints);
        Assert.DoesNotContain(otherElsewhere, handlerPoints);
    }

    [Fact]
    public async Task After_the_findings_case_closes_a_reinspection_task_is_made_once_and_its_record_links_to_the_original()
    {
        var inspector = await app.ClientAs("inspector");
        var dispatcher = await app.ClientAs("dispatcher");
        var handler = await app.ClientAs("handler.cg");

        // A task of the demo plan with a pass/fail standard whose failure the district's rules give to 城管 (handler.cg).
        var (task, checklist, failing) = await TaskWithCityManagementFailureAsync(inspector, dispatcher);
        var photo = await UploadPhotoAsync(inspector);
        var created = await inspector.Post("/api/v1/inspections", Body(task, checklist, failing, photo, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var original = await created.Json();
        var originalId = original.GetProperty("id").GetInt64();
        var caseId = original.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("result").GetString() == "fail").GetProperty("caseId").GetInt64();
        Assert.Equal("D01", (await dispatcher.GetJson($"/api/v1/cases/{caseId}")).GetProperty("responsibleUnits")[0].GetProperty("code").GetString());

        // While the case is open the scheduled job makes no 复查 task.
        await InspectionsModule.GenerateTodayAsync(app.Services, Ct);
        Assert.Empty(await ReinspectionsOfAsync(inspector, caseId));

        await CaseAct(handler, caseId, new { action = "acknowledge" });
        await CaseAct(handler, caseId, new { action = "handle", comment = "已按标准整改" });
        var closed = await CaseAct(inspector, caseId, new { action = "verify", comment = "现场复核已整改" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        await InspectionsModule.GenerateTodayAsync(app.Services, Ct);
        await InspectionsModule.GenerateTodayAsync(app.Services, Ct);
        var reinspection = Assert.Single(await ReinspectionsOfAsync(inspector, caseId));
        Assert.Equal(PointOf(task), PointOf(reinspection));
        Assert.Equal("复查", reinspection.GetProperty("kindName").GetString());
        Assert.Equal(["inspector"], reinspection.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()).ToArray());
        Assert.Equal("2026-09-30", reinspection.GetProperty("scheduledDate").GetString());
        // Two working days after 9-30 across 国庆 (10-1 … 10-7 off).
        Assert.Equal("2026-10-09", reinspection.GetProperty("dueDate").GetString());
        var linked = (await inspector.GetJson($"/api/v1/inspections/{originalId}")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("result").GetString() == "fail");
        Assert.Equal(reinspection.GetProperty("id").GetInt64(), linked.GetProperty("reinspectionTaskId").GetInt64());
        Assert.Equal(JsonValueKind.Null, linked.GetProperty("reinspectionId").ValueKind);

        var reChecklist = (await inspector.GetJson($"/api/v1/inspection-tasks/{reinspection.GetProperty("id").GetInt64()}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("standard")).ToList();
        var redone = await inspector.Post("/api/v1/inspections", Body(reinspection, reChecklist, null, null, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, redone.StatusCode);
        var result = await redone.Json();
        Assert.Equal(originalId, result.GetProperty("reinspectsId").GetInt64());
        Assert.Equal(1, result.GetProperty("scoreRate").GetDouble());

        linked = (await inspector.GetJson($"/api/v1/inspections/{originalId}")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("result").GetString() == "fail");
        Assert.Equal(result.GetProperty("id").GetInt64(), linked.GetProperty("reinspectionId").GetInt64());
        Assert.Equal(1, linked.GetProperty("reinspectionScoreRate").GetDouble());
        Assert.Equal("done", (await ReinspectionsOfAsync(inspector, caseId)).Single().GetProperty("status").GetString());
        Assert.Equal(0, (await inspector.GetJson($"/api/v1/points/{PointOf(task)}")).GetProperty("latestInspection").GetProperty("failedItems").GetInt32());
    }

    private static async Task<List<JsonElement>> ReinspectionsOfAsync(HttpClient inspector, long caseId) =>
        (await inspector.GetJson("/api/v1/inspection-tasks?mine=true&date=2026-09-30")).EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() == "reinspection" && t.GetProperty("sourceCaseId").GetInt64() == caseId).ToList();

    private static async Task<JsonElement> CaseAct(HttpClient client, long id, object body)
    {
        var response = await client.Post($"/api/v1/cases/{id}/transitions", body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>An open task of the demo plan today and a pass/fail standard of its checklist whose case the rules give to 城管 (D01).</summary>
    private static async Task<(JsonElement Task, List<JsonElement> Checklist, string Standard)> TaskWithCityManagementFailureAsync(HttpClient inspector, HttpClient dispatcher)
    {
        var tasks = (await inspector.GetJson("/api/v1/inspection-tasks?mine=true&date=2026-09-30")).EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "open" && t.GetProperty("planName").GetString()!.StartsWith("日调度", StringComparison.Ordinal)).ToList();
        foreach (var task in tasks)
        {
            var checklist = (await inspector.GetJson($"/api/v1/inspection-tasks/{task.GetProperty("id").GetInt64()}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("standard")).ToList();
            foreach (var standard in checklist.Where(s => s.GetProperty("observation").GetString() == "passFail"))
            {
                var category = standard.GetProperty("caseCategoryCode").GetString();
                var resolved = await dispatcher.Get($"/api/v1/responsibility/resolve?categoryCode={category}&regionCode={task.GetProperty("regionCode").GetString()}");
                if (resolved.IsSuccessStatusCode && (await resolved.Json()).GetProperty("lead").GetProperty("code").GetString() == "D01")
                {
                    return (task, checklist, standard.GetProperty("code").GetString()!);
                }
            }
        }

        Assert.Fail("今日示例任务中没有由区城市管理局负责的不达标项。");
        throw new UnreachableException();
    }

    /// <summary>The first point of a listing whose responsible unit matches.</summary>
    private static async Task<string> PointWhereAsync(HttpClient client, string url, Func<string, bool> unit)
    {
        foreach (var p in (await client.GetJson(url)).GetProperty("items").EnumerateArray())
        {
            var code = p.GetProperty("code").GetString()!;
            if (unit((await client.GetJson($"/api/v1/points/{code}")).GetProperty("responsibleUnit").GetProperty("code").GetString()!))
            {
                return code;
            }
        }

        Assert.Fail($"没有符合条件的点位：{url}");
        throw new UnreachableException();
    }

    private static string PointOf(JsonElement task) => task.GetProperty("pointCode").GetString()!;

    private static object PlanBody(string cadence, List<string> points) => new
    {
        name = "测试计划 " + cadence,
        cadence,
        startDate = "2026-09-28",
        endDate = "2026-10-11",
        pointCodes = points,
        assignees = new[] { "inspector" },
    };

    private static async Task<int> CreatePlanAsync(HttpClient client, string cadence, List<string> points)
    {
        var response = await client.Post("/api/v1/inspection-plans", PlanBody(cadence, points));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Json()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> Generate(HttpClient client, int plan)
    {
        var response = await client.PostAsync($"/api/v1/inspection-plans/{plan}/generate?from=2026-09-28&to=2026-10-11", null, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Json();
    }

    /// <summary>An open task of the demo daily plan for today, and its checklist.</summary>
    private static async Task<(JsonElement Task, List<JsonElement> Checklist)> TodaysTaskAsync(HttpClient inspector)
    {
        var tasks = (await inspector.GetJson("/api/v1/inspection-tasks?mine=true&date=2026-09-30")).EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "open" && t.GetProperty("planName").GetString()!.StartsWith("日调度", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tasks);
        var task = tasks[0];
        var checklist = (await inspector.GetJson($"/api/v1/inspection-tasks/{task.GetProperty("id").GetInt64()}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("standard")).ToList();
        return (task, checklist);
    }

    private sealed record Answer(string StandardCode, string? Result, decimal? Value, string[]? Photos);

    private sealed record Submission(string SubmissionKey, long? TaskId, string? PointCode, double Lon, double Lat, long? CorrectsId, Answer[] Items);

    /// <summary>Every item passes but <paramref name="failCode"/>, which fails (with the photo when given).</summary>
    private static Submission Body(JsonElement task, List<JsonElement> checklist, string? failCode, string? photo, string key) => new(
        key, task.GetProperty("id").GetInt64(), null, 116.6, 40.1, null,
        checklist.Select(s =>
        {
            var code = s.GetProperty("code").GetString()!;
            if (code == failCode)
            {
                return new Answer(code, "fail", null, photo is null ? null : [photo]);
            }

            return s.GetProperty("observation").GetString() switch
            {
                "count" => new Answer(code, null, 0, null),
                "score" => new Answer(code, null, s.GetProperty("maxScore").GetInt32(), null),
                _ => new Answer(code, "pass", null, null),
            };
        }).ToArray());

    private static async Task<string> UploadPhotoAsync(HttpClient client)
    {
        using var image = new Image<Rgba32>(640, 480, new Rgba32(200, 80, (byte)Random.Shared.Next(256)));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "不达标.jpg");
        var response = await client.PostAsync("/api/v1/files", form, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Json()).GetProperty("id").GetString()!;
    }
}

public sealed class InspectionTestsOnSqlite(ClockedSqliteApp app) : InspectionTests<ClockedSqliteApp>(app);

public sealed class InspectionTestsOnPostgres(ClockedPostgresApp app) : InspectionTests<ClockedPostgresApp>(app);
