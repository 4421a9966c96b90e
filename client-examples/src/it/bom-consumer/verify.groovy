// The build passing is not enough: the user's test must really have run, on the JUnit the user
// chose (junitVersion, set by the invoker execution) and on no other. A JUnit that flows-testkit
// brought along would show up here as a second version on the test class path, or as 0 tests.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.approvals.ApprovalInboxTest.xml')
assert report.isFile() : "the user's test did not run with JUnit ${junitVersion} (no surefire report)"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.text() == '1' : "expected 1 test to run with JUnit ${junitVersion}, ran ${suite.@tests}"
assert suite.@failures.text() == '0' && suite.@errors.text() == '0' && suite.@skipped.text() == '0' :
        "the user's test did not pass with JUnit ${junitVersion}: ${report.text}"

// JUnit 5.x.y ships with JUnit Platform 1.x.y; from JUnit 6 on both share one version.
def platformVersion = junitVersion.startsWith('5.') ? '1.' + junitVersion.substring(2) : junitVersion
def classPath = suite.properties.property.find { it.@name.text() == 'surefire.test.class.path' }.@value.text()
def junitJars = classPath.split(File.pathSeparator)
        .collect { new File(it).name }
        .findAll { it.startsWith('junit-') }
def expected = { String jar -> jar.startsWith('junit-platform-') ? platformVersion : junitVersion }
def wrong = junitJars.findAll { jar -> !jar.endsWith("-${expected(jar)}.jar") }
assert !junitJars.isEmpty() : "no JUnit on the user's test class path: ${classPath}"
assert wrong.isEmpty() : "the user chose JUnit ${junitVersion}, but the test class path has ${wrong}"
assert junitJars.size() == junitJars.unique(false).size() : "a JUnit jar twice: ${junitJars}"
println "user project: 1 test passed on ${junitJars.join(', ')}"

// The README's advice for SLF4J (slf4j-nop in test scope) leaves the user's build output quiet.
def buildLog = new File(basedir, 'build.log').text
assert !buildLog.contains('SLF4J(W)') : "SLF4J warned in the user's build with JUnit ${junitVersion}"
