using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Standards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_index_sections_index_sections_ParentId",
                        column: x => x.ParentId,
                        principalTable: "index_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "point_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Shape = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_point_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "standards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Observation = table.Column<int>(type: "INTEGER", nullable: false),
                    CountBasis = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CountSubject = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxScore = table.Column<int>(type: "INTEGER", nullable: true),
                    PassScore = table.Column<int>(type: "INTEGER", nullable: true),
                    CaseCategoryCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_standards_index_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "index_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_points",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    GeometryWkb = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsibleUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestInspectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LatestScoreRate = table.Column<double>(type: "REAL", nullable: true),
                    LatestFailedItems = table.Column<int>(type: "INTEGER", nullable: true),
                    LatestSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LatestInspectionRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_points_point_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "point_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_points_units_ResponsibleUnitId",
                        column: x => x.ResponsibleUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "standard_point_categories",
                columns: table => new
                {
                    StandardId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointCategoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standard_point_categories", x => new { x.StandardId, x.PointCategoryId });
                    table.ForeignKey(
                        name: "FK_standard_point_categories_point_categories_PointCategoryId",
                        column: x => x.PointCategoryId,
                        principalTable: "point_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_standard_point_categories_standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_sections_ParentId_Name",
                table: "index_sections",
                columns: new[] { "ParentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_CategoryId_RegionCode",
                table: "inspection_points",
                columns: new[] { "CategoryId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_Code",
                table: "inspection_points",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_DistrictCode_RegionCode",
                table: "inspection_points",
                columns: new[] { "DistrictCode", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_points_ResponsibleUnitId",
                table: "inspection_points",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_point_categories_Code",
                table: "point_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_point_categories_Name",
                table: "point_categories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_standard_point_categories_PointCategoryId",
                table: "standard_point_categories",
                column: "PointCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_standards_Code",
                table: "standards",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_standards_SectionId",
                table: "standards",
                column: "SectionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_points");

            migrationBuilder.DropTable(
                name: "standard_point_categories");

            migrationBuilder.DropTable(
                name: "point_categories");

            migrationBuilder.DropTable(
                name: "standards");

            migrationBuilder.DropTable(
                name: "index_sections");
        }
    }
}
