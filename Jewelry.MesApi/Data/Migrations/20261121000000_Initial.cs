using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Jewelry.MesApi.Data.Migrations;

// Hand-written (EF Core Design is not available to this build). Keep it and
// MesDbContextModelSnapshot in step with the model; a unit test checks the snapshot.
[DbContext(typeof(MesDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "price_calculations",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                status = table.Column<string>(type: "text", nullable: false),
                volume_mm3 = table.Column<double>(type: "double precision", nullable: true),
                surface_area_mm2 = table.Column<double>(type: "double precision", nullable: true),
                bounding_box_x_mm = table.Column<double>(type: "double precision", nullable: true),
                bounding_box_y_mm = table.Column<double>(type: "double precision", nullable: true),
                bounding_box_z_mm = table.Column<double>(type: "double precision", nullable: true),
                triangle_count = table.Column<int>(type: "integer", nullable: true),
                metal_mass_g = table.Column<double>(type: "double precision", nullable: true),
                price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                failure_reason = table.Column<string>(type: "text", nullable: true),
                calculated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                duration_ms = table.Column<double>(type: "double precision", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_price_calculations", x => x.id));

        migrationBuilder.CreateTable(
            name: "production_orders",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                material = table.Column<string>(type: "text", nullable: false),
                stage = table.Column<string>(type: "text", nullable: false),
                tracking_number = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                // PostgreSQL's system column: Npgsql creates nothing for it.
                xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_production_orders", x => x.id));

        migrationBuilder.CreateTable(
            name: "seller_clients",
            columns: table => new
            {
                client_id = table.Column<string>(type: "text", nullable: false),
                secret_hash = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_seller_clients", x => x.client_id));

        migrationBuilder.CreateTable(
            name: "production_steps",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                production_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                stage = table.Column<string>(type: "text", nullable: false),
                changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_production_steps", x => x.id);
                table.ForeignKey(
                    name: "fk_production_steps_production_orders_production_order_id",
                    column: x => x.production_order_id,
                    principalTable: "production_orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_price_calculations_order_id_calculated_at",
            table: "price_calculations",
            columns: ["order_id", "calculated_at"]);

        migrationBuilder.CreateIndex(
            name: "ix_production_orders_order_id",
            table: "production_orders",
            column: "order_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_production_orders_stage",
            table: "production_orders",
            column: "stage");

        migrationBuilder.CreateIndex(
            name: "ix_production_steps_production_order_id_changed_at",
            table: "production_steps",
            columns: ["production_order_id", "changed_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "production_steps");
        migrationBuilder.DropTable(name: "price_calculations");
        migrationBuilder.DropTable(name: "seller_clients");
        migrationBuilder.DropTable(name: "production_orders");
    }
}
