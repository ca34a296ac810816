using CivicGrid.BrowserTests.Infrastructure;
using CivicGrid.Platform;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

public sealed class PeopleManagementTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_adds_a_person_whose_phone_the_list_shows_masked()
    {
        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "admin");
        await page.WaitForSelectorAsync(".cg-welcome");

        // holiday-cn has no days for next year yet (2027.json is empty): the workbench says deadlines fall back to Mon–Fri.
        if (DateTime.UtcNow.Year == 2026)
        {
            await Assertions.Expect(page.Locator(".cg-calendar-warning")).ToContainTextAsync("2027 年尚无法定节假日数据");
        }

        await ConsolePages.GotoLiveAsync(page, "/organization/people");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");

        await page.GetByRole(AriaRole.Button, new() { Name = "新增人员" }).ClickAsync();
        await page.FillAsync("#person-name", "欧阳测试");
        await page.FillAsync("#person-unit", "D01");
        await page.FillAsync("#person-post", "执法队员");
        await page.FillAsync("#person-phone", "12345");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-modal .ant-alert-error")).ToContainTextAsync("电话号码格式不正确");

        await page.FillAsync("#person-phone", "13912345678");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-modal")).ToBeHiddenAsync();

        await page.FillAsync("#person-search", "欧阳测试");
        await page.Keyboard.PressAsync("Enter");
        var row = page.Locator(".ant-table-tbody tr.ant-table-row", new() { HasText = "欧阳测试" });
        await Assertions.Expect(row).ToContainTextAsync("139****5678");
        Assert.DoesNotContain("13912345678", await page.ContentAsync());
    }

    [Fact]
    public async Task A_unit_sheet_with_a_bad_row_is_refused_with_its_row_number()
    {
        var sheet = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(sheet, ExcelSheet.Write(
        [
            new Dictionary<string, object?> { ["编码"] = "B-1", ["名称"] = "示例区第二中学", ["类型"] = "学校", ["所属区域编码"] = "110199" },
            new Dictionary<string, object?> { ["编码"] = "B-2", ["名称"] = "某机构", ["类型"] = "飞船", ["所属区域编码"] = "110199" },
        ]), TestContext.Current.CancellationToken);

        var page = await browser.NewPageAsync();
        await ConsolePages.LoginAsync(page, "admin");
        await page.WaitForSelectorAsync(".cg-welcome");
        await ConsolePages.GotoLiveAsync(page, "/organization/units");
        await page.WaitForSelectorAsync(".ant-table-tbody tr.ant-table-row");
        await page.Locator("#units-import").SetInputFilesAsync(sheet);
        await Assertions.Expect(page.Locator(".cg-import-errors")).ToContainTextAsync("第 3 行");
        await Assertions.Expect(page.Locator(".ant-modal .ant-alert-error")).ToContainTextAsync("未导入任何数据");
    }
}
