// The build passing is not enough: the starter's tests and the user's test must have run, on the
// Spring Boot this run is for (bootVersion, set by the invoker execution).
def reports = new File(basedir, 'target/surefire-reports')
assert reports.isDirectory() : "no test ran on Spring Boot ${bootVersion}"
def suites = reports.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
        .collect { new groovy.xml.XmlSlurper().parse(it) }
int tests = suites.sum { it.@tests.text() as int }
int failed = suites.sum { (it.@failures.text() as int) + (it.@errors.text() as int) }
int skipped = suites.sum { it.@skipped.text() as int }
def names = suites.collect { it.@name.text() }
assert failed == 0 : "failures on Spring Boot ${bootVersion}"
assert skipped == 0 : "skipped tests on Spring Boot ${bootVersion}"
assert names.contains('com.example.approvals.ApproverTest') : "the user's test did not run: ${names}"
['FlowsAutoConfigurationTest', 'FlowsHealthTest', 'ObservabilityTest', 'FlowsFailureAnalysisTest',
 'StartupFailureTest', 'ConfigurationMetadataTest', 'HttpLoggingTest'].each { test ->
    assert names.contains("io.flowsdk.spring.boot.${test}".toString()) : "the starter's ${test} did not run: ${names}"
}
def classPath = suites[0].properties.property.find { it.@name.text() == 'surefire.test.class.path' }.@value.text()
def boot = classPath.split(File.pathSeparator).collect { new File(it).name }.findAll { it.startsWith('spring-boot-') }
assert boot.any { it == "spring-boot-${bootVersion}.jar".toString() } : "not on Spring Boot ${bootVersion}: ${boot}"
assert boot.every { !it.matches(/spring-boot-.*-\d.*\.jar/) || it.endsWith("-${bootVersion}.jar") } :
        "another Spring Boot on the class path: ${boot}"
println "Spring Boot ${bootVersion}: ${tests} tests passed (the starter's and the user's)"
