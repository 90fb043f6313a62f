namespace Jewelry.Tests.Hosting;

public sealed class ProjectMetadataTests
{
    [Fact]
    public void The_AppHost_build_generates_a_class_per_service_with_its_project_and_assembly_paths()
    {
        var shop = new Projects.Jewelry_ShopApi();

        Assert.Equal(Path.Combine(AppHostProcess.RepositoryRoot, "Jewelry.ShopApi", "Jewelry.ShopApi.csproj"), shop.ProjectPath);
        Assert.EndsWith(Path.Combine("net10.0", "Jewelry.ShopApi.dll"), shop.TargetPath, StringComparison.Ordinal);
        Assert.True(File.Exists(shop.TargetPath), shop.TargetPath);
        Assert.EndsWith("Jewelry.CrmApi.csproj", new Projects.Jewelry_CrmApi().ProjectPath, StringComparison.Ordinal);
        Assert.EndsWith("Jewelry.MesApi.csproj", new Projects.Jewelry_MesApi().ProjectPath, StringComparison.Ordinal);
    }
}
