using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Grid;
using CivicGrid.Tests.Infrastructure;
using NetTopologySuite.Geometries.Utilities;

namespace CivicGrid.Tests.Grid;

public abstract class GridApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CivicGridApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Body(IEnumerable<GridFeature> features)
    {
        var collection = new NetTopologySuite.Features.FeatureCollection();
        foreach (var f in features)
        {
            collection.Add(new NetTopologySuite.Features.Feature(f.Geometry, new NetTopologySuite.Features.AttributesTable
            {
                { "code", f.Code }, { "name", f.Name }, { "level", f.Level }, { "parentCode", f.ParentCode },
            }));
        }

        return new StringContent(JsonSerializer.Serialize(collection, GridGeoJson.Options), Encoding.UTF8, GridGeoJson.MediaType);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private async Task<string> NameOf(HttpClient client, string code) =>
        (await Json(await client.GetAsync($"/api/v1/regions/{code}", Ct))).GetProperty("name").GetString()!;

    [Fact]
    public async Task Export_gives_the_subtree_as_geojson_limited_by_depth_and_scope()
    {
        var admin = await app.ClientAs("admin");
        var response = await admin.GetAsync("/api/v1/regions/110199001/geojson", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GridGeoJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        var features = await GridGeoJson.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct);
        Assert.Equal(DemoGrid.Subtree("110199001").Select(r => r.Code).Order(), features.Select(f => f.Code).Order());
        var cell = DemoGrid.Level(RegionLevel.Cell).First(c => c.Code.StartsWith("110199001"));
        Assert.True(features.Single(f => f.Code == cell.Code).Geometry!.EqualsExact(DemoGrid.Shape(cell)));

        var shallow = await GridGeoJson.ReadAsync(await admin.GetStreamAsync("/api/v1/regions/110199001/geojson?depth=1", Ct), Ct);
        Assert.Equal(1 + DemoGrid.Regions.Count(r => r.ParentCode == "110199001"), shallow.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/regions/110199001/geojson?depth=x", Ct)).StatusCode);

        var street = await app.ClientAs("street01");
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync("/api/v1/regions/110199001/geojson", Ct)).StatusCode);
        var other = await street.GetAsync("/api/v1/regions/110199002/geojson", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("未找到", (await Json(other)).GetProperty("title").GetString());
        // The district node is readable to him, but only his own 镇街 below it.
        var district = await GridGeoJson.ReadAsync(await street.GetStreamAsync("/api/v1/regions/110199/geojson?depth=1", Ct), Ct);
        Assert.Equal(["110199", "110199001"], district.Select(f => f.Code!).Order());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/regions/110199001/geojson", Ct)).StatusCode);
    }

    [Fact]
    public async Task Street_admin_may_not_import_into_another_town()
    {
        var street = await app.ClientAs("street01");
        var response = await street.PostAsync("/api/v1/regions/import", Body(DemoGrid.Features(DemoGrid.Subtree("110199002"))), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("110199002", (await Json(response)).GetProperty("detail").GetString());

        var own = DemoGrid.Features(DemoGrid.Subtree("110199001"));
        var dry = await street.PostAsync("/api/v1/regions/import?dryRun=true", Body(own), Ct);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
    }

    [Fact]
    public async Task Bad_import_is_400_with_every_error_and_writes_nothing()
    {
        var admin = await app.ClientAs("admin");
        var file = DemoGrid.Features(DemoGrid.Subtree("110199005"));
        var cells = file.Where(f => f.Code!.Length == 15).Select(f => f.Code!).Order().ToList();
        var shifted = file.FindIndex(f => f.Code == cells[0]);
        file[shifted] = file[shifted] with { Name = "改名但应被拒绝", Geometry = AffineTransformation.TranslationInstance(0.004, 0.002).Transform(file[shifted].Geometry!) };
        var orphan = file.FindIndex(f => f.Code == cells[1]);
        file[orphan] = file[orphan] with { ParentCode = "110199004001" };

        var response = await admin.PostAsync("/api/v1/regions/import", Body(file), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("网格数据校验未通过", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (Code: e.GetProperty("code").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Code == cells[0] && e.Message.Contains("重叠"));
        Assert.Contains(errors, e => e.Code == cells[1] && e.Message.Contains("编码不以上级编码开头"));
        Assert.Equal(DemoGrid.Regions.Single(r => r.Code == cells[0]).Name, await NameOf(admin, cells[0]));

        var garbage = await admin.PostAsync("/api/v1/regions/import", new StringContent("{\"type\":\"FeatureCollection\",\"features\":[{", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("GeoJSON", (await Json(garbage)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Dry_run_validates_but_writes_nothing_and_real_import_round_trips()
    {
        var admin = await app.ClientAs("admin");
        const string town = "110199003";
        var exported = await GridGeoJson.ReadAsync(await admin.GetStreamAsync($"/api/v1/regions/{town}/geojson", Ct), Ct);
        var cell = DemoGrid.Level(RegionLevel.Cell).First(c => c.Code.StartsWith(town));
        var renamed = exported.Select(f => f.Code == cell.Code ? f with { Name = "导入测试网格" } : f).ToList();

        var dry = await admin.PostAsync("/api/v1/regions/import?dryRun=true", Body(renamed), Ct);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var dryBody = await Json(dry);
        Assert.True(dryBody.GetProperty("dryRun").GetBoolean());
        Assert.Equal(exported.Count, dryBody.GetProperty("imported").GetInt32());
        Assert.Equal(cell.Name, await NameOf(admin, cell.Code));

        var real = await admin.PostAsync("/api/v1/regions/import", Body(renamed), Ct);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        var body = await Json(real);
        Assert.Equal(exported.Count, body.GetProperty("imported").GetInt32());
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("导入测试网格", await NameOf(admin, cell.Code));
        // The locator sees the new grid at once.
        var located = await Json(await app.Anonymous().GetAsync(FormattableString.Invariant($"/api/v1/regions/locate?lon={cell.CenterLon}&lat={cell.CenterLat}"), Ct));
        Assert.Equal("导入测试网格", located.GetProperty("name").GetString());

        var again = await GridGeoJson.ReadAsync(await admin.GetStreamAsync($"/api/v1/regions/{town}/geojson", Ct), Ct);
        Assert.All(exported.Zip(again.OrderBy(f => f.Code, StringComparer.Ordinal)), p =>
        {
            Assert.Equal(p.First.Code, p.Second.Code);
            Assert.True(p.First.Geometry!.EqualsExact(p.Second.Geometry!), p.First.Code);
        });
    }

    [Fact]
    public async Task Locate_answers_the_cell_with_its_path_of_four_levels()
    {
        var client = app.Anonymous();
        foreach (var cell in DemoGrid.Level(RegionLevel.Cell).Where(c => c.Code.StartsWith("110199001")).Take(20))
        {
            var response = await client.GetAsync(FormattableString.Invariant($"/api/v1/regions/locate?lon={cell.CenterLon}&lat={cell.CenterLat}"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json(response);
            Assert.Equal(cell.Code, body.GetProperty("code").GetString());
            Assert.Equal("cell", body.GetProperty("level").GetString());
            var path = body.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
            Assert.Equal(["110199", cell.Code[..9], cell.Code[..12], cell.Code], path);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/regions/locate?lon=116.3&lat=40.1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/regions/locate?lon=abc&lat=40.1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/regions/locate?lon=116.6&lat=95", Ct)).StatusCode);
    }
}

public sealed class GridApiTestsOnSqlite(SqliteApp app) : GridApiTests<SqliteApp>(app);

public sealed class GridApiTestsOnPostgres(PostgresApp app) : GridApiTests<PostgresApp>(app);
