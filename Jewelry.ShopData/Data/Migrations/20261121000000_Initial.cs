using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Jewelry.ShopData.Data.Migrations;

// Hand-written (EF Core Design is not available to this build). Keep it and
// ShopDbContextModelSnapshot in step with the model; a unit test checks the snapshot.
[DbContext(typeof(ShopDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                customer_id = table.Column<string>(type: "text", nullable: false),
                product_type = table.Column<string>(type: "text", nullable: false),
                material = table.Column<string>(type: "text", nullable: false),
                size = table.Column<string>(type: "text", nullable: true),
                notes = table.Column<string>(type: "text", nullable: true),
                status = table.Column<string>(type: "text", nullable: false),
                price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                failure_reason = table.Column<string>(type: "text", nullable: true),
                model_object_key = table.Column<string>(type: "text", nullable: true),
                model_size_bytes = table.Column<long>(type: "bigint", nullable: true),
                model_file_name = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                // PostgreSQL's system column: Npgsql creates nothing for it.
                xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_orders", x => x.id));

        migrationBuilder.CreateTable(
            name: "order_status_history",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                order_id = table.Column<Guid>(type: "uuid", nullable: false),
                from_status = table.Column<string>(type: "text", nullable: true),
                to_status = table.Column<string>(type: "text", nullable: false),
                changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                source = table.Column<string>(type: "text", nullable: false),
                actor_id = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_status_history", x => x.id);
                table.ForeignKey(
                    name: "fk_order_status_history_orders_order_id",
                    column: x => x.order_id,
                    principalTable: "orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_orders_customer_id",
            table: "orders",
            column: "customer_id");

        migrationBuilder.CreateIndex(
            name: "ix_orders_status",
            table: "orders",
            column: "status");

        migrationBuilder.CreateIndex(
            name: "ix_order_status_history_order_id_changed_at",
            table: "order_status_history",
            columns: ["order_id", "changed_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "order_status_history");
        migrationBuilder.DropTable(name: "orders");
    }
}
